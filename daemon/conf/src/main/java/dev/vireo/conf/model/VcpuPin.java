package dev.vireo.conf.model;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;

/** Pins one vCPU to host CPUs: {@code <vcpupin>}. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {})
public class VcpuPin {
    @XmlAttribute(name = "vcpu")
    private Integer vcpu;

    @XmlAttribute(name = "cpuset")
    private String cpuset;

    /** {@code @vcpu}, or {@code null} when absent. */
    public Integer getVcpu() {
        return vcpu;
    }

    public void setVcpu(Integer vcpu) {
        this.vcpu = vcpu;
    }

    /** {@code @cpuset}, or {@code null} when absent. */
    public String getCpuset() {
        return cpuset;
    }

    public void setCpuset(String cpuset) {
        this.cpuset = cpuset;
    }
}
