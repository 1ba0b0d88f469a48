package dev.vireo.conf.model;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;
import jakarta.xml.bind.annotation.adapters.XmlJavaTypeAdapter;

/** One guest timer: {@code <clock><timer>}. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {"catchup"})
public class Timer {
    @XmlAttribute(name = "name")
    @XmlJavaTypeAdapter(TimerName.Adapter.class)
    private TimerName name;

    @XmlAttribute(name = "present")
    @XmlJavaTypeAdapter(YesNoAdapter.class)
    private Boolean present;

    @XmlAttribute(name = "tickpolicy")
    @XmlJavaTypeAdapter(TimerTickPolicy.Adapter.class)
    private TimerTickPolicy tickpolicy;

    @XmlAttribute(name = "track")
    @XmlJavaTypeAdapter(TimerTrack.Adapter.class)
    private TimerTrack track;

    @XmlAttribute(name = "frequency")
    private Long frequency;

    @XmlAttribute(name = "mode")
    @XmlJavaTypeAdapter(TimerMode.Adapter.class)
    private TimerMode mode;

    @XmlElement(name = "catchup")
    private TimerCatchup catchup;

    /** {@code @name}, or {@code null} when absent. */
    public TimerName getName() {
        return name;
    }

    public void setName(TimerName name) {
        this.name = name;
    }

    /** {@code @present}, or {@code null} when absent. */
    public Boolean getPresent() {
        return present;
    }

    public void setPresent(Boolean present) {
        this.present = present;
    }

    /** {@code @tickpolicy}, or {@code null} when absent. */
    public TimerTickPolicy getTickpolicy() {
        return tickpolicy;
    }

    public void setTickpolicy(TimerTickPolicy tickpolicy) {
        this.tickpolicy = tickpolicy;
    }

    /** {@code @track}, or {@code null} when absent. */
    public TimerTrack getTrack() {
        return track;
    }

    public void setTrack(TimerTrack track) {
        this.track = track;
    }

    /** {@code @frequency}, or {@code null} when absent. */
    public Long getFrequency() {
        return frequency;
    }

    public void setFrequency(Long frequency) {
        this.frequency = frequency;
    }

    /** {@code @mode}, or {@code null} when absent. */
    public TimerMode getMode() {
        return mode;
    }

    public void setMode(TimerMode mode) {
        this.mode = mode;
    }

    /** {@code <catchup>}, or {@code null} when absent. */
    public TimerCatchup getCatchup() {
        return catchup;
    }

    public void setCatchup(TimerCatchup catchup) {
        this.catchup = catchup;
    }
}
