package dev.vireo.conf.model;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;

/** Catch-up tuning of a timer: {@code <catchup>}. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {})
public class TimerCatchup {
    @XmlAttribute(name = "threshold")
    private Long threshold;

    @XmlAttribute(name = "slew")
    private Long slew;

    @XmlAttribute(name = "limit")
    private Long limit;

    /** {@code @threshold}, or {@code null} when absent. */
    public Long getThreshold() {
        return threshold;
    }

    public void setThreshold(Long threshold) {
        this.threshold = threshold;
    }

    /** {@code @slew}, or {@code null} when absent. */
    public Long getSlew() {
        return slew;
    }

    public void setSlew(Long slew) {
        this.slew = slew;
    }

    /** {@code @limit}, or {@code null} when absent. */
    public Long getLimit() {
        return limit;
    }

    public void setLimit(Long limit) {
        this.limit = limit;
    }
}
