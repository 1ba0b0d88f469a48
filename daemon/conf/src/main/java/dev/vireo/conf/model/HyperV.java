package dev.vireo.conf.model;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

/** Hyper-V enlightenments for Windows guests: {@code <features><hyperv>}. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {"relaxed"})
public class HyperV {
    @XmlElement(name = "relaxed")
    private HyperVFeature relaxed;

    /** {@code <relaxed state>}: relaxed timing, or {@code null}. */
    public HyperVFeature getRelaxed() {
        return relaxed;
    }

    public void setRelaxed(HyperVFeature relaxed) {
        this.relaxed = relaxed;
    }
}
