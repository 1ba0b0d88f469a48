package dev.vireo.conf.model;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

/** The resource partition (cgroup) the domain runs in: {@code <resource>}. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {"partition"})
public class Resource {
    @XmlElement(name = "partition")
    private String partition;

    /** {@code <partition>}, an absolute path such as {@code /machine}, or {@code null}. */
    public String getPartition() {
        return partition;
    }

    public void setPartition(String partition) {
        this.partition = partition;
    }
}
