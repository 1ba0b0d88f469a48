package dev.vireo.conf.model;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;
import jakarta.xml.bind.annotation.adapters.XmlJavaTypeAdapter;

/** The APIC feature, with optional end-of-interrupt control: {@code <apic eoi>}. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {})
public class ApicFeature {
    @XmlAttribute(name = "eoi")
    @XmlJavaTypeAdapter(OnOffAdapter.class)
    private Boolean eoi;

    /** {@code @eoi}, or {@code null} when absent. */
    public Boolean getEoi() {
        return eoi;
    }

    public void setEoi(Boolean eoi) {
        this.eoi = eoi;
    }
}
