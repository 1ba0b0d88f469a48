package dev.vireo.conf.model;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;
import jakarta.xml.bind.annotation.XmlValue;
import jakarta.xml.bind.annotation.adapters.XmlJavaTypeAdapter;

/** An amount of memory with its unit, such as {@code <memory unit='KiB'>}; after parsing the unit is always KiB. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {})
public class MemoryAmount {
    // libvirt prints dumpCore before unit
    @XmlAttribute(name = "dumpCore")
    @XmlJavaTypeAdapter(OnOffAdapter.class)
    private Boolean dumpCore;

    @XmlAttribute(name = "unit")
    private String unit;

    @XmlValue
    private Long value;

    /** {@code @unit}, or {@code null} when absent. */
    public String getUnit() {
        return unit;
    }

    public void setUnit(String unit) {
        this.unit = unit;
    }

    /** {@code @dumpCore}, or {@code null} when absent. */
    public Boolean getDumpCore() {
        return dumpCore;
    }

    public void setDumpCore(Boolean dumpCore) {
        this.dumpCore = dumpCore;
    }

    /** {@code text}, or {@code null} when absent. */
    public Long getValue() {
        return value;
    }

    public void setValue(Long value) {
        this.value = value;
    }
}
