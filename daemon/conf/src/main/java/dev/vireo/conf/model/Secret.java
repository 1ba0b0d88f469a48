package dev.vireo.conf.model;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;

/** Reference to a secret by usage or UUID: {@code <secret>}. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {})
public class Secret {
    @XmlAttribute(name = "type")
    private String type;

    @XmlAttribute(name = "usage")
    private String usage;

    @XmlAttribute(name = "uuid")
    private String uuid;

    /** {@code @type}, or {@code null} when absent. */
    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    /** {@code @usage}, or {@code null} when absent. */
    public String getUsage() {
        return usage;
    }

    public void setUsage(String usage) {
        this.usage = usage;
    }

    /** {@code @uuid}, or {@code null} when absent. */
    public String getUuid() {
        return uuid;
    }

    public void setUuid(String uuid) {
        this.uuid = uuid;
    }
}
