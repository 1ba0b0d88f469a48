package dev.vireo.conf.model;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;
import jakarta.xml.bind.annotation.adapters.XmlJavaTypeAdapter;
import java.util.ArrayList;
import java.util.List;

/** Guest clock: {@code <clock>}. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {"timers"})
public class Clock {
    @XmlAttribute(name = "offset")
    @XmlJavaTypeAdapter(ClockOffset.Adapter.class)
    private ClockOffset offset;

    @XmlAttribute(name = "timezone")
    private String timezone;

    @XmlAttribute(name = "adjustment")
    private String adjustment;


    @XmlElement(name = "timer")
    private final List<Timer> timers = new ArrayList<>();

    /** {@code @offset}, or {@code null} when absent. */
    public ClockOffset getOffset() {
        return offset;
    }

    public void setOffset(ClockOffset offset) {
        this.offset = offset;
    }

    /** {@code @timezone}, or {@code null} when absent. */
    public String getTimezone() {
        return timezone;
    }

    public void setTimezone(String timezone) {
        this.timezone = timezone;
    }

    /** {@code @adjustment}, or {@code null} when absent. */
    public String getAdjustment() {
        return adjustment;
    }

    public void setAdjustment(String adjustment) {
        this.adjustment = adjustment;
    }

    /** The {@code <timer>} children, in document order; the list is live. */
    public List<Timer> getTimers() {
        return timers;
    }
}
