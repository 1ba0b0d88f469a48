package dev.vireo.conf.model;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;

/** One VLAN tag: {@code <tag id>}. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {})
public class VlanTag {
    @XmlAttribute(name = "id")
    private Integer id;

    @XmlAttribute(name = "nativeMode")
    private String nativeMode;

    /** {@code @id}, or {@code null} when absent. */
    public Integer getId() {
        return id;
    }

    public void setId(Integer id) {
        this.id = id;
    }

    /** {@code @nativeMode}, or {@code null} when absent. */
    public String getNativeMode() {
        return nativeMode;
    }

    public void setNativeMode(String nativeMode) {
        this.nativeMode = nativeMode;
    }
}
