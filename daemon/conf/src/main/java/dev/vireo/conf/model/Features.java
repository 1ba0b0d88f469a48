package dev.vireo.conf.model;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;
import jakarta.xml.bind.annotation.adapters.XmlJavaTypeAdapter;

/** Hypervisor features: {@code <features>}. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {"acpi", "apic", "pae", "hap", "viridian", "privnet", "hyperv", "kvm", "pvspinlock", "pmu", "vmport", "smm", "ioapic", "vmcoreinfo"})
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

    @XmlElement(name = "kvm")
    private KvmFeatures kvm;

    @XmlElement(name = "pvspinlock")
    private FeatureState pvspinlock;

    @XmlElement(name = "pmu")
    private FeatureState pmu;

    @XmlElement(name = "vmport")
    private FeatureState vmport;

    @XmlElement(name = "smm")
    private FeatureState smm;

    @XmlElement(name = "ioapic")
    private IoApic ioapic;

    @XmlElement(name = "vmcoreinfo")
    private FeatureState vmcoreinfo;

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

    /** {@code <kvm>}, or {@code null} when absent. */
    public KvmFeatures getKvm() {
        return kvm;
    }

    public void setKvm(KvmFeatures kvm) {
        this.kvm = kvm;
    }

    /** {@code <pvspinlock state>}, or {@code null} when absent. */
    public FeatureState getPvspinlock() {
        return pvspinlock;
    }

    public void setPvspinlock(FeatureState pvspinlock) {
        this.pvspinlock = pvspinlock;
    }

    /** {@code <pmu state>}, or {@code null} when absent. */
    public FeatureState getPmu() {
        return pmu;
    }

    public void setPmu(FeatureState pmu) {
        this.pmu = pmu;
    }

    /** {@code <vmport state>}, or {@code null} when absent. */
    public FeatureState getVmport() {
        return vmport;
    }

    public void setVmport(FeatureState vmport) {
        this.vmport = vmport;
    }

    /** {@code <smm state>}, or {@code null} when absent. */
    public FeatureState getSmm() {
        return smm;
    }

    public void setSmm(FeatureState smm) {
        this.smm = smm;
    }

    /** {@code <ioapic driver>}, or {@code null} when absent. */
    public IoApic getIoapic() {
        return ioapic;
    }

    public void setIoapic(IoApic ioapic) {
        this.ioapic = ioapic;
    }

    /** {@code <vmcoreinfo state>}, or {@code null} when absent. */
    public FeatureState getVmcoreinfo() {
        return vmcoreinfo;
    }

    public void setVmcoreinfo(FeatureState vmcoreinfo) {
        this.vmcoreinfo = vmcoreinfo;
    }
}
