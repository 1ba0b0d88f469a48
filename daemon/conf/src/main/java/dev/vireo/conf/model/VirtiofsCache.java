package dev.vireo.conf.model;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;

/** How virtiofsd caches: {@code <binary><cache mode>}. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {})
public class VirtiofsCache {
    @XmlAttribute(name = "mode")
    private String mode;

    /** {@code @mode}: none, always or auto, or {@code null} when absent. */
    public String getMode() {
        return mode;
    }

    public void setMode(String mode) {
        this.mode = mode;
    }
}
