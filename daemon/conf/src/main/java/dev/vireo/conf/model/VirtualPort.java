package dev.vireo.conf.model;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

/** Virtual port profile: {@code <virtualport>}. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {"parameters"})
public class VirtualPort {
    @XmlAttribute(name = "type")
    private String type;

    @XmlElement(name = "parameters")
    private VirtualPortParameters parameters;

    /** {@code @type}, or {@code null} when absent. */
    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    /** {@code <parameters>}, or {@code null} when absent. */
    public VirtualPortParameters getParameters() {
        return parameters;
    }

    public void setParameters(VirtualPortParameters parameters) {
        this.parameters = parameters;
    }
}
