package dev.vireo.conf.model;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;

/** Guest NIC model: {@code <model type>}. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {})
public class NetModel {
    @XmlAttribute(name = "type")
    private String type;

    /** {@code @type}, or {@code null} when absent. */
    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }
}
