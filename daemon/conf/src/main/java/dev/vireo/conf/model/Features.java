package dev.vireo.conf.model;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;
import jakarta.xml.bind.annotation.adapters.XmlJavaTypeAdapter;

/** Hypervisor features: {@code <features>}. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {"acpi", "apic", "pae", "hap", "viridian", "privnet", "hyperv"})
public class Features {
    @XmlElement(name = "acpi")
    @XmlJavaTypeAdapter(PresenceAdapter.class)
    private Boolean acpi;

    @XmlElement(name = "apic")
    private ApicFeature apic;

    @XmlElement(name = "pae")
    @XmlJavaTypeAdapter(PresenceAdapter.class)
    private Boolean pae;

    @XmlElement(name = "hap")
    @XmlJavaTypeAdapter(PresenceAdapter.class)
    private Boolean hap;

    @XmlElement(name = "viridian")
    @XmlJavaTypeAdapter(PresenceAdapter.class)
    private Boolean viridian;

    @XmlElement(name = "privnet")
    @XmlJavaTypeAdapter(PresenceAdapter.class)
    private Boolean privnet;

    @XmlElement(name = "hyperv")
    private HyperV hyperv;

    /** Whether {@code <acpi/>} is present. */
    public boolean isAcpi() {
        return Boolean.TRUE.equals(acpi);
    }

    public void setAcpi(boolean acpi) {
        this.acpi = acpi;
    }

    /** {@code <apic>}, or {@code null} when absent. */
    public ApicFeature getApic() {
        return apic;
    }

    public void setApic(ApicFeature apic) {
        this.apic = apic;
    }

    /** Whether {@code <pae/>} is present. */
    public boolean isPae() {
        return Boolean.TRUE.equals(pae);
    }

    public void setPae(boolean pae) {
        this.pae = pae;
    }

    /** Whether {@code <hap/>} is present. */
    public boolean isHap() {
        return Boolean.TRUE.equals(hap);
    }

    public void setHap(boolean hap) {
        this.hap = hap;
    }

    /** Whether {@code <viridian/>} is present. */
    public boolean isViridian() {
        return Boolean.TRUE.equals(viridian);
    }

    public void setViridian(boolean viridian) {
        this.viridian = viridian;
    }

    /** Whether {@code <privnet/>} is present. */
    public boolean isPrivnet() {
        return Boolean.TRUE.equals(privnet);
    }

    public void setPrivnet(boolean privnet) {
        this.privnet = privnet;
    }

    /** {@code <hyperv>}, or {@code null} when absent. */
    public HyperV getHyperv() {
        return hyperv;
    }

    public void setHyperv(HyperV hyperv) {
        this.hyperv = hyperv;
    }
}
