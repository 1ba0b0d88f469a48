package dev.vireo.conf.model;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;
import jakarta.xml.bind.annotation.adapters.XmlJavaTypeAdapter;

/** A hub: {@code <hub>}. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {"alias", "address"})
public class Hub extends Device {
    @XmlAttribute(name = "type")
    @XmlJavaTypeAdapter(HubType.Adapter.class)
    private HubType type;

    /** {@code @type}, or {@code null} when absent. */
    public HubType getType() {
        return type;
    }

    public void setType(HubType type) {
        this.type = type;
    }
}
