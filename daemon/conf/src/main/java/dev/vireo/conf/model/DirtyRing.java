package dev.vireo.conf.model;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;

/**
 * KVM's dirty page ring instead of its dirty bitmap: {@code <features><kvm><dirty-ring state size>}
 * (libvirt 9); {@code size} is the number of entries per vCPU, a power of 2 from 1024 to 65536.
 */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {})
public class DirtyRing extends FeatureState {
    @XmlAttribute(name = "size")
    private Integer size;

    /** {@code @size}, or {@code null} when absent. */
    public Integer getSize() {
        return size;
    }

    public void setSize(Integer size) {
        this.size = size;
    }
}
