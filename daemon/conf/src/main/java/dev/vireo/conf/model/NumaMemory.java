package dev.vireo.conf.model;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;
import jakarta.xml.bind.annotation.adapters.XmlJavaTypeAdapter;

/** NUMA memory policy: {@code <numatune><memory>}. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {})
public class NumaMemory {
    @XmlAttribute(name = "mode")
    @XmlJavaTypeAdapter(NumaMode.Adapter.class)
    private NumaMode mode;

    @XmlAttribute(name = "nodeset")
    private String nodeset;

    @XmlAttribute(name = "placement")
    @XmlJavaTypeAdapter(CpuPlacement.Adapter.class)
    private CpuPlacement placement;

    /** {@code @mode}, or {@code null} when absent. */
    public NumaMode getMode() {
        return mode;
    }

    public void setMode(NumaMode mode) {
        this.mode = mode;
    }

    /** {@code @nodeset}, or {@code null} when absent. */
    public String getNodeset() {
        return nodeset;
    }

    public void setNodeset(String nodeset) {
        this.nodeset = nodeset;
    }

    /** {@code @placement}, or {@code null} when absent. */
    public CpuPlacement getPlacement() {
        return placement;
    }

    public void setPlacement(CpuPlacement placement) {
        this.placement = placement;
    }
}
