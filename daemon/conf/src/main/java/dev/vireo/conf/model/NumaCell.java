package dev.vireo.conf.model;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;

/** One guest NUMA cell: {@code <numa><cell>}; memory in KiB. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {})
public class NumaCell {
    @XmlAttribute(name = "cpus")
    private String cpus;

    @XmlAttribute(name = "memory")
    private Long memory;

    /** {@code @cpus}, or {@code null} when absent. */
    public String getCpus() {
        return cpus;
    }

    public void setCpus(String cpus) {
        this.cpus = cpus;
    }

    /** {@code @memory}, or {@code null} when absent. */
    public Long getMemory() {
        return memory;
    }

    public void setMemory(Long memory) {
        this.memory = memory;
    }
}
