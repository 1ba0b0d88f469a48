package dev.vireo.conf.model;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;
import java.util.ArrayList;
import java.util.List;

/** Block I/O tuning: {@code <blkiotune>}. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {"weight", "devices"})
public class BlkioTune {
    @XmlElement(name = "weight")
    private Integer weight;

    @XmlElement(name = "device")
    private final List<BlkioDevice> devices = new ArrayList<>();

    /** {@code <weight>}, or {@code null} when absent. */
    public Integer getWeight() {
        return weight;
    }

    public void setWeight(Integer weight) {
        this.weight = weight;
    }

    /** The {@code <device>} children, in document order; the list is live. */
    public List<BlkioDevice> getDevices() {
        return devices;
    }
}
