package dev.vireo.conf.model;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

/** Tap tuning: {@code <tune>}. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {"sndbuf"})
public class NetTune {
    @XmlElement(name = "sndbuf")
    private Long sndbuf;

    /** {@code <sndbuf>}, or {@code null} when absent. */
    public Long getSndbuf() {
        return sndbuf;
    }

    public void setSndbuf(Long sndbuf) {
        this.sndbuf = sndbuf;
    }
}
