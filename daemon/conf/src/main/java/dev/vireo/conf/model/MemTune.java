package dev.vireo.conf.model;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

/** Memory limits: {@code <memtune>}. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {"hardLimit", "softLimit", "minGuarantee", "swapHardLimit"})
public class MemTune {
    @XmlElement(name = "hard_limit")
    private MemoryAmount hardLimit;

    @XmlElement(name = "soft_limit")
    private MemoryAmount softLimit;

    @XmlElement(name = "min_guarantee")
    private MemoryAmount minGuarantee;

    @XmlElement(name = "swap_hard_limit")
    private MemoryAmount swapHardLimit;

    /** {@code <hard_limit>}, or {@code null} when absent. */
    public MemoryAmount getHardLimit() {
        return hardLimit;
    }

    public void setHardLimit(MemoryAmount hardLimit) {
        this.hardLimit = hardLimit;
    }

    /** {@code <soft_limit>}, or {@code null} when absent. */
    public MemoryAmount getSoftLimit() {
        return softLimit;
    }

    public void setSoftLimit(MemoryAmount softLimit) {
        this.softLimit = softLimit;
    }

    /** {@code <min_guarantee>}, or {@code null} when absent. */
    public MemoryAmount getMinGuarantee() {
        return minGuarantee;
    }

    public void setMinGuarantee(MemoryAmount minGuarantee) {
        this.minGuarantee = minGuarantee;
    }

    /** {@code <swap_hard_limit>}, or {@code null} when absent. */
    public MemoryAmount getSwapHardLimit() {
        return swapHardLimit;
    }

    public void setSwapHardLimit(MemoryAmount swapHardLimit) {
        this.swapHardLimit = swapHardLimit;
    }
}
