package dev.vireo.conf.model;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;

/** Fixed stream settings of one audio direction: {@code <settings frequency channels format>}. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {})
public class AudioSettings {
    @XmlAttribute(name = "frequency")
    private Long frequency;

    @XmlAttribute(name = "channels")
    private Long channels;

    @XmlAttribute(name = "format")
    private String format;

    /** {@code @frequency} in Hz, or {@code null} when absent. */
    public Long getFrequency() {
        return frequency;
    }

    public void setFrequency(Long frequency) {
        this.frequency = frequency;
    }

    /** {@code @channels}, or {@code null} when absent. */
    public Long getChannels() {
        return channels;
    }

    public void setChannels(Long channels) {
        this.channels = channels;
    }

    /** {@code @format} (s8, u8, s16, u16, s32, u32, f32), or {@code null} when absent. */
    public String getFormat() {
        return format;
    }

    public void setFormat(String format) {
        this.format = format;
    }
}
