package dev.vireo.conf.model;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;

/** Image format of a backing layer: {@code <backingStore><format type>}. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {})
public class BackingFormat {
    @XmlAttribute(name = "type")
    private String type;

    /** {@code @type}, such as {@code qcow2} or {@code raw}. */
    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }
}
