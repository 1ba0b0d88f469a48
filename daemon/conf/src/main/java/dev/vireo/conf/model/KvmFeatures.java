package dev.vireo.conf.model;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

/** KVM-specific guest features: {@code <features><kvm>}. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {"hidden", "hintDedicated", "pollControl", "pvIpi", "dirtyRing"})
public class KvmFeatures {
    @XmlElement(name = "hidden")
    private FeatureState hidden;

    @XmlElement(name = "hint-dedicated")
    private FeatureState hintDedicated;

    @XmlElement(name = "poll-control")
    private FeatureState pollControl;

    @XmlElement(name = "pv-ipi")
    private FeatureState pvIpi;

    @XmlElement(name = "dirty-ring")
    private DirtyRing dirtyRing;

    /** {@code <hidden state>}: hide the KVM signature from the guest, or {@code null} when absent. */
    public FeatureState getHidden() {
        return hidden;
    }

    public void setHidden(FeatureState hidden) {
        this.hidden = hidden;
    }

    /** {@code <hint-dedicated state>}, or {@code null} when absent. */
    public FeatureState getHintDedicated() {
        return hintDedicated;
    }

    public void setHintDedicated(FeatureState hintDedicated) {
        this.hintDedicated = hintDedicated;
    }

    /** {@code <poll-control state>}, or {@code null} when absent. */
    public FeatureState getPollControl() {
        return pollControl;
    }

    public void setPollControl(FeatureState pollControl) {
        this.pollControl = pollControl;
    }

    /** {@code <pv-ipi state>}, or {@code null} when absent. */
    public FeatureState getPvIpi() {
        return pvIpi;
    }

    public void setPvIpi(FeatureState pvIpi) {
        this.pvIpi = pvIpi;
    }

    /** {@code <dirty-ring state size>}, or {@code null} when absent. */
    public DirtyRing getDirtyRing() {
        return dirtyRing;
    }

    public void setDirtyRing(DirtyRing dirtyRing) {
        this.dirtyRing = dirtyRing;
    }
}
