package dev.vireo.conf.model;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;
import jakarta.xml.bind.annotation.adapters.XmlJavaTypeAdapter;

/** When guest memory is allocated: {@code <memoryBacking><allocation mode threads>}. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {})
public class MemoryAllocation {
    @XmlAttribute(name = "mode")
    @XmlJavaTypeAdapter(MemoryAllocationMode.Adapter.class)
    private MemoryAllocationMode mode;

    @XmlAttribute(name = "threads")
    private Integer threads;

    /** {@code @mode}, or {@code null} when absent. */
    public MemoryAllocationMode getMode() {
        return mode;
    }

    public void setMode(MemoryAllocationMode mode) {
        this.mode = mode;
    }

    /** {@code @threads} that preallocate, or {@code null} when absent. */
    public Integer getThreads() {
        return threads;
    }

    public void setThreads(Integer threads) {
        this.threads = threads;
    }
}
