package dev.vireo.conf.model;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;
import jakarta.xml.bind.annotation.adapters.XmlJavaTypeAdapter;

/** CPU cache exposed to the guest: {@code <cpu><cache level mode>}. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {})
public class CpuCache {
    @XmlAttribute(name = "level")
    private Integer level;

    @XmlAttribute(name = "mode")
    @XmlJavaTypeAdapter(CpuCacheMode.Adapter.class)
    private CpuCacheMode mode;

    /** {@code @level}, or {@code null} when absent. */
    public Integer getLevel() {
        return level;
    }

    public void setLevel(Integer level) {
        this.level = level;
    }

    /** {@code @mode}, or {@code null} when absent. */
    public CpuCacheMode getMode() {
        return mode;
    }

    public void setMode(CpuCacheMode mode) {
        this.mode = mode;
    }
}
