package dev.vireo.conf.model;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;

/** Rates of one direction: {@code <inbound>} or {@code <outbound>}, in KiB/s and KiB. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {})
public class BandwidthRate {
    @XmlAttribute(name = "average")
    private Long average;

    @XmlAttribute(name = "peak")
    private Long peak;

    @XmlAttribute(name = "burst")
    private Long burst;

    @XmlAttribute(name = "floor")
    private Long floor;

    /** {@code @average}, or {@code null} when absent. */
    public Long getAverage() {
        return average;
    }

    public void setAverage(Long average) {
        this.average = average;
    }

    /** {@code @peak}, or {@code null} when absent. */
    public Long getPeak() {
        return peak;
    }

    public void setPeak(Long peak) {
        this.peak = peak;
    }

    /** {@code @burst}, or {@code null} when absent. */
    public Long getBurst() {
        return burst;
    }

    public void setBurst(Long burst) {
        this.burst = burst;
    }

    /** {@code @floor}, or {@code null} when absent. */
    public Long getFloor() {
        return floor;
    }

    public void setFloor(Long floor) {
        this.floor = floor;
    }
}
