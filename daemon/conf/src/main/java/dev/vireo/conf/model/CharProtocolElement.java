package dev.vireo.conf.model;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;
import jakarta.xml.bind.annotation.adapters.XmlJavaTypeAdapter;

/** Wire protocol of a TCP character device: {@code <protocol type>}. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {})
public class CharProtocolElement {
    @XmlAttribute(name = "type")
    @XmlJavaTypeAdapter(CharProtocol.Adapter.class)
    private CharProtocol type;

    /** {@code @type}, or {@code null} when absent. */
    public CharProtocol getType() {
        return type;
    }

    public void setType(CharProtocol type) {
        this.type = type;
    }
}
