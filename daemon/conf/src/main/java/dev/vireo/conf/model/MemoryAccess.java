package dev.vireo.conf.model;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;
import jakarta.xml.bind.annotation.adapters.XmlJavaTypeAdapter;

/** Whether guest memory is shared: {@code <memoryBacking><access mode>}. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {})
public class MemoryAccess {
    @XmlAttribute(name = "mode")
    @XmlJavaTypeAdapter(MemoryAccessMode.Adapter.class)
    private MemoryAccessMode mode;

    /** {@code @mode}, or {@code null} when absent. */
    public MemoryAccessMode getMode() {
        return mode;
    }

    public void setMode(MemoryAccessMode mode) {
        this.mode = mode;
    }
}
