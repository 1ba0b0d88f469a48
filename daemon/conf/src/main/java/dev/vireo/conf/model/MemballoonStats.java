package dev.vireo.conf.model;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;

/** How often the balloon driver reports guest memory statistics: {@code <stats period>}, in seconds. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {})
public class MemballoonStats {
    @XmlAttribute(name = "period")
    private Integer period;

    /** {@code @period} in seconds, or {@code null}. */
    public Integer getPeriod() {
        return period;
    }

    public void setPeriod(Integer period) {
        this.period = period;
    }
}
