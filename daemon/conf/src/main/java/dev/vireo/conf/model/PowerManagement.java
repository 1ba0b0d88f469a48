package dev.vireo.conf.model;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

/** Guest power management: {@code <pm>}. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {"suspendToMem", "suspendToDisk"})
public class PowerManagement {
    @XmlElement(name = "suspend-to-mem")
    private PmState suspendToMem;

    @XmlElement(name = "suspend-to-disk")
    private PmState suspendToDisk;

    /** {@code <suspend-to-mem>}, or {@code null} when absent. */
    public PmState getSuspendToMem() {
        return suspendToMem;
    }

    public void setSuspendToMem(PmState suspendToMem) {
        this.suspendToMem = suspendToMem;
    }

    /** {@code <suspend-to-disk>}, or {@code null} when absent. */
    public PmState getSuspendToDisk() {
        return suspendToDisk;
    }

    public void setSuspendToDisk(PmState suspendToDisk) {
        this.suspendToDisk = suspendToDisk;
    }
}
