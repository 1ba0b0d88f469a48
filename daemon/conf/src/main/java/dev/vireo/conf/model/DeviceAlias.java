package dev.vireo.conf.model;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;

/** Runtime name of a device: {@code <alias name>} (live XML only). */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {})
public class DeviceAlias {
    @XmlAttribute(name = "name")
    private String name;

    /** {@code @name}, or {@code null} when absent. */
    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }
}
