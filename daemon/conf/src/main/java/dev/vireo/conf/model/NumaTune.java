package dev.vireo.conf.model;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

/** NUMA memory tuning: {@code <numatune>}. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {"memory"})
public class NumaTune {
    @XmlElement(name = "memory")
    private NumaMemory memory;

    /** {@code <memory>}, or {@code null} when absent. */
    public NumaMemory getMemory() {
        return memory;
    }

    public void setMemory(NumaMemory memory) {
        this.memory = memory;
    }
}
