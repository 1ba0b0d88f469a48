package dev.vireo.conf.model;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;

/** A USB vendor or product id: {@code <vendor id>}, {@code <product id>}. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {})
public class UsbId {
    @XmlAttribute(name = "id")
    private String id;

    /** {@code @id}, or {@code null} when absent. */
    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }
}
