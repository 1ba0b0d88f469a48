package dev.vireo.conf.model;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;
import jakarta.xml.bind.annotation.adapters.XmlJavaTypeAdapter;

/** What guest memory is allocated from: {@code <memoryBacking><source type>}. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {})
public class MemorySource {
    @XmlAttribute(name = "type")
    @XmlJavaTypeAdapter(MemorySourceType.Adapter.class)
    private MemorySourceType type;

    /** {@code @type}, or {@code null} when absent. */
    public MemorySourceType getType() {
        return type;
    }

    public void setType(MemorySourceType type) {
        this.type = type;
    }
}
