package dev.vireo.conf.model;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

/** Block I/O weight of one host device: {@code <blkiotune><device>}. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {"path", "weight"})
public class BlkioDevice {
    @XmlElement(name = "path")
    private String path;

    @XmlElement(name = "weight")
    private Integer weight;

    /** {@code <path>}, or {@code null} when absent. */
    public String getPath() {
        return path;
    }

    public void setPath(String path) {
        this.path = path;
    }

    /** {@code <weight>}, or {@code null} when absent. */
    public Integer getWeight() {
        return weight;
    }

    public void setWeight(Integer weight) {
        this.weight = weight;
    }
}
