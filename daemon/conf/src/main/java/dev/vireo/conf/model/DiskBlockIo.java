package dev.vireo.conf.model;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;

/** Block sizes the guest sees: {@code <blockio>}. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {})
public class DiskBlockIo {
    @XmlAttribute(name = "logical_block_size")
    private Integer logicalBlockSize;

    @XmlAttribute(name = "physical_block_size")
    private Integer physicalBlockSize;

    /** {@code @logical_block_size}, or {@code null} when absent. */
    public Integer getLogicalBlockSize() {
        return logicalBlockSize;
    }

    public void setLogicalBlockSize(Integer logicalBlockSize) {
        this.logicalBlockSize = logicalBlockSize;
    }

    /** {@code @physical_block_size}, or {@code null} when absent. */
    public Integer getPhysicalBlockSize() {
        return physicalBlockSize;
    }

    public void setPhysicalBlockSize(Integer physicalBlockSize) {
        this.physicalBlockSize = physicalBlockSize;
    }
}
