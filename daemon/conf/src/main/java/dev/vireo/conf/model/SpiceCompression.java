package dev.vireo.conf.model;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;

/** A SPICE compression setting: {@code <image>}, {@code <jpeg>}, {@code <zlib>}, {@code <playback>}. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {})
public class SpiceCompression {
    @XmlAttribute(name = "compression")
    private String compression;

    /** {@code @compression}, or {@code null} when absent. */
    public String getCompression() {
        return compression;
    }

    public void setCompression(String compression) {
        this.compression = compression;
    }
}
