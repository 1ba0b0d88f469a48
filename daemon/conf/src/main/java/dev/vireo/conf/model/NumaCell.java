package dev.vireo.conf.model;

import jakarta.xml.bind.annotation.adapters.XmlJavaTypeAdapter;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;

/** One guest NUMA cell: {@code <numa><cell>}; memory in KiB. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {"distances"})
public class NumaCell {
    @XmlAttribute(name = "cpus")
    private String cpus;

    @XmlAttribute(name = "memory")
    private Long memory;

    @XmlAttribute(name = "id")
    private Integer id;

    @XmlAttribute(name = "unit")
    private String unit;

    @XmlAttribute(name = "memAccess")
    private String memAccess;

    @XmlAttribute(name = "discard")
    @XmlJavaTypeAdapter(YesNoAdapter.class)
    private Boolean discard;

    @XmlElement(name = "distances")
    private NumaDistances distances;

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

    /** {@code @id}, or {@code null} when absent. */
    public Integer getId() {
        return id;
    }

    public void setId(Integer id) {
        this.id = id;
    }

    /** {@code @unit} of {@code @memory}, or {@code null} when absent. */
    public String getUnit() {
        return unit;
    }

    public void setUnit(String unit) {
        this.unit = unit;
    }

    /** {@code @memAccess}: shared or private, or {@code null} when absent. */
    public String getMemAccess() {
        return memAccess;
    }

    public void setMemAccess(String memAccess) {
        this.memAccess = memAccess;
    }

    /** {@code @discard}, or {@code null} when absent. */
    public Boolean getDiscard() {
        return discard;
    }

    public void setDiscard(Boolean discard) {
        this.discard = discard;
    }

    /** {@code <distances>}, or {@code null} when absent. */
    public NumaDistances getDistances() {
        return distances;
    }

    public void setDistances(NumaDistances distances) {
        this.distances = distances;
    }
}
