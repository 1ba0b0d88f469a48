package dev.vireo.conf.model;

import jakarta.xml.bind.annotation.adapters.XmlJavaTypeAdapter;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

/** Hyper-V enlightenments for Windows guests: {@code <features><hyperv>}. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {"relaxed", "vapic", "spinlocks", "vpindex", "runtime", "synic", "stimer", "reset", "vendorId", "frequencies", "reenlightenment", "tlbflush", "ipi", "evmcs", "avic"})
public class HyperV {
    @XmlElement(name = "relaxed")
    private HyperVFeature relaxed;

    @XmlAttribute(name = "mode")
    @XmlJavaTypeAdapter(HyperVMode.Adapter.class)
    private HyperVMode mode;

    @XmlElement(name = "vapic")
    private HyperVFeature vapic;

    @XmlElement(name = "spinlocks")
    private HyperVFeature spinlocks;

    @XmlElement(name = "vpindex")
    private HyperVFeature vpindex;

    @XmlElement(name = "runtime")
    private HyperVFeature runtime;

    @XmlElement(name = "synic")
    private HyperVFeature synic;

    @XmlElement(name = "stimer")
    private HyperVFeature stimer;

    @XmlElement(name = "reset")
    private HyperVFeature reset;

    @XmlElement(name = "vendor_id")
    private HyperVFeature vendorId;

    @XmlElement(name = "frequencies")
    private HyperVFeature frequencies;

    @XmlElement(name = "reenlightenment")
    private HyperVFeature reenlightenment;

    @XmlElement(name = "tlbflush")
    private HyperVFeature tlbflush;

    @XmlElement(name = "ipi")
    private HyperVFeature ipi;

    @XmlElement(name = "evmcs")
    private HyperVFeature evmcs;

    @XmlElement(name = "avic")
    private HyperVFeature avic;

    /** {@code <relaxed state>}: relaxed timing, or {@code null}. */
    public HyperVFeature getRelaxed() {
        return relaxed;
    }

    public void setRelaxed(HyperVFeature relaxed) {
        this.relaxed = relaxed;
    }

    /** {@code @mode}: custom (the listed enlightenments) or passthrough (all the host has), or {@code null} when absent. */
    public HyperVMode getMode() {
        return mode;
    }

    public void setMode(HyperVMode mode) {
        this.mode = mode;
    }

    /** {@code <vapic state>}, or {@code null} when absent. */
    public HyperVFeature getVapic() {
        return vapic;
    }

    public void setVapic(HyperVFeature vapic) {
        this.vapic = vapic;
    }

    /** {@code <spinlocks state>}, or {@code null} when absent. */
    public HyperVFeature getSpinlocks() {
        return spinlocks;
    }

    public void setSpinlocks(HyperVFeature spinlocks) {
        this.spinlocks = spinlocks;
    }

    /** {@code <vpindex state>}, or {@code null} when absent. */
    public HyperVFeature getVpindex() {
        return vpindex;
    }

    public void setVpindex(HyperVFeature vpindex) {
        this.vpindex = vpindex;
    }

    /** {@code <runtime state>}, or {@code null} when absent. */
    public HyperVFeature getRuntime() {
        return runtime;
    }

    public void setRuntime(HyperVFeature runtime) {
        this.runtime = runtime;
    }

    /** {@code <synic state>}, or {@code null} when absent. */
    public HyperVFeature getSynic() {
        return synic;
    }

    public void setSynic(HyperVFeature synic) {
        this.synic = synic;
    }

    /** {@code <stimer state>}, or {@code null} when absent. */
    public HyperVFeature getStimer() {
        return stimer;
    }

    public void setStimer(HyperVFeature stimer) {
        this.stimer = stimer;
    }

    /** {@code <reset state>}, or {@code null} when absent. */
    public HyperVFeature getReset() {
        return reset;
    }

    public void setReset(HyperVFeature reset) {
        this.reset = reset;
    }

    /** {@code <vendor_id state>}, or {@code null} when absent. */
    public HyperVFeature getVendorId() {
        return vendorId;
    }

    public void setVendorId(HyperVFeature vendorId) {
        this.vendorId = vendorId;
    }

    /** {@code <frequencies state>}, or {@code null} when absent. */
    public HyperVFeature getFrequencies() {
        return frequencies;
    }

    public void setFrequencies(HyperVFeature frequencies) {
        this.frequencies = frequencies;
    }

    /** {@code <reenlightenment state>}, or {@code null} when absent. */
    public HyperVFeature getReenlightenment() {
        return reenlightenment;
    }

    public void setReenlightenment(HyperVFeature reenlightenment) {
        this.reenlightenment = reenlightenment;
    }

    /** {@code <tlbflush state>}, or {@code null} when absent. */
    public HyperVFeature getTlbflush() {
        return tlbflush;
    }

    public void setTlbflush(HyperVFeature tlbflush) {
        this.tlbflush = tlbflush;
    }

    /** {@code <ipi state>}, or {@code null} when absent. */
    public HyperVFeature getIpi() {
        return ipi;
    }

    public void setIpi(HyperVFeature ipi) {
        this.ipi = ipi;
    }

    /** {@code <evmcs state>}, or {@code null} when absent. */
    public HyperVFeature getEvmcs() {
        return evmcs;
    }

    public void setEvmcs(HyperVFeature evmcs) {
        this.evmcs = evmcs;
    }

    /** {@code <avic state>}: the enlightened APIC virtualization on AMD hosts, or {@code null} when absent. */
    public HyperVFeature getAvic() {
        return avic;
    }

    public void setAvic(HyperVFeature avic) {
        this.avic = avic;
    }
}
