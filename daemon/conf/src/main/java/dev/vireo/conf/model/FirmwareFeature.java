package dev.vireo.conf.model;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;
import jakarta.xml.bind.annotation.adapters.XmlJavaTypeAdapter;

/** A firmware property asked for when the firmware is picked: {@code <os><firmware><feature enabled name>}. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {})
public class FirmwareFeature {
    @XmlAttribute(name = "enabled")
    @XmlJavaTypeAdapter(YesNoAdapter.class)
    private Boolean enabled;

    @XmlAttribute(name = "name")
    private String name;

    /** {@code @enabled}, or {@code null} when absent. */
    public Boolean getEnabled() {
        return enabled;
    }

    public void setEnabled(Boolean enabled) {
        this.enabled = enabled;
    }

    /** {@code @name}: secure-boot or enrolled-keys, or {@code null} when absent. */
    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }
}
