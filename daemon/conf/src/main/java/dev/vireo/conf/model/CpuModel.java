package dev.vireo.conf.model;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;
import jakarta.xml.bind.annotation.XmlValue;
import jakarta.xml.bind.annotation.adapters.XmlJavaTypeAdapter;

/** Named CPU model: {@code <cpu><model>}. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {})
public class CpuModel {
    @XmlAttribute(name = "fallback")
    @XmlJavaTypeAdapter(CpuFallback.Adapter.class)
    private CpuFallback fallback;

    @XmlAttribute(name = "vendor_id")
    private String vendorId;

    @XmlValue
    private String name;

    /** {@code @fallback}, or {@code null} when absent. */
    public CpuFallback getFallback() {
        return fallback;
    }

    public void setFallback(CpuFallback fallback) {
        this.fallback = fallback;
    }

    /** {@code @vendor_id}, or {@code null} when absent. */
    public String getVendorId() {
        return vendorId;
    }

    public void setVendorId(String vendorId) {
        this.vendorId = vendorId;
    }

    /** {@code text}, or {@code null} when absent. */
    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }
}
