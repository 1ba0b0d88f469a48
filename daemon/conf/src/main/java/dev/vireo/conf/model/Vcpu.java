package dev.vireo.conf.model;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;
import jakarta.xml.bind.annotation.XmlValue;
import jakarta.xml.bind.annotation.adapters.XmlJavaTypeAdapter;

/** Virtual CPU count and placement: {@code <vcpu>}; the text is the maximum count. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {})
public class Vcpu {
    @XmlAttribute(name = "placement")
    @XmlJavaTypeAdapter(CpuPlacement.Adapter.class)
    private CpuPlacement placement;

    @XmlAttribute(name = "cpuset")
    private String cpuset;

    @XmlAttribute(name = "current")
    private Integer current;

    @XmlValue
    private Integer count;

    /** {@code @placement}, or {@code null} when absent. */
    public CpuPlacement getPlacement() {
        return placement;
    }

    public void setPlacement(CpuPlacement placement) {
        this.placement = placement;
    }

    /** {@code @cpuset}, or {@code null} when absent. */
    public String getCpuset() {
        return cpuset;
    }

    public void setCpuset(String cpuset) {
        this.cpuset = cpuset;
    }

    /** {@code @current}, or {@code null} when absent. */
    public Integer getCurrent() {
        return current;
    }

    public void setCurrent(Integer current) {
        this.current = current;
    }

    /** {@code text}, or {@code null} when absent. */
    public Integer getCount() {
        return count;
    }

    public void setCount(Integer count) {
        this.count = count;
    }
}
