package dev.vireo.conf.model;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;
import jakarta.xml.bind.annotation.adapters.XmlJavaTypeAdapter;

/** Security of one SPICE channel: {@code <channel name mode>}. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {})
public class SpiceChannel {
    @XmlAttribute(name = "name")
    private String name;

    @XmlAttribute(name = "mode")
    @XmlJavaTypeAdapter(SpiceChannelMode.Adapter.class)
    private SpiceChannelMode mode;

    /** {@code @name}, or {@code null} when absent. */
    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    /** {@code @mode}, or {@code null} when absent. */
    public SpiceChannelMode getMode() {
        return mode;
    }

    public void setMode(SpiceChannelMode mode) {
        this.mode = mode;
    }
}
