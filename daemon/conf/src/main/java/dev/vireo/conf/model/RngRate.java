package dev.vireo.conf.model;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;

/** How fast the guest may read entropy: {@code <rng><rate bytes period>} (bytes per period in ms). */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {})
public class RngRate {
    @XmlAttribute(name = "bytes")
    private Long bytes;

    @XmlAttribute(name = "period")
    private Long period;

    /** {@code @bytes}, or {@code null} when absent. */
    public Long getBytes() {
        return bytes;
    }

    public void setBytes(Long bytes) {
        this.bytes = bytes;
    }

    /** {@code @period} in milliseconds, or {@code null} when absent. */
    public Long getPeriod() {
        return period;
    }

    public void setPeriod(Long period) {
        this.period = period;
    }
}
