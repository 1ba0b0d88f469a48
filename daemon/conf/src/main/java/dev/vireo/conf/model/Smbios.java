package dev.vireo.conf.model;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;
import jakarta.xml.bind.annotation.adapters.XmlJavaTypeAdapter;

/** SMBIOS source: {@code <os><smbios>}. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {})
public class Smbios {
    @XmlAttribute(name = "mode")
    @XmlJavaTypeAdapter(SmbiosMode.Adapter.class)
    private SmbiosMode mode;

    /** {@code @mode}, or {@code null} when absent. */
    public SmbiosMode getMode() {
        return mode;
    }

    public void setMode(SmbiosMode mode) {
        this.mode = mode;
    }
}
