package dev.vireo.conf.model;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;
import jakarta.xml.bind.annotation.adapters.XmlJavaTypeAdapter;

/** How guest memory is backed: {@code <memoryBacking>}. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {"hugepages", "nosharepages", "locked", "source", "access", "allocation", "discard"})
public class MemoryBacking {
    @XmlElement(name = "hugepages")
    @XmlJavaTypeAdapter(PresenceAdapter.class)
    private Boolean hugepages;

    @XmlElement(name = "locked")
    @XmlJavaTypeAdapter(PresenceAdapter.class)
    private Boolean locked;

    @XmlElement(name = "nosharepages")
    @XmlJavaTypeAdapter(PresenceAdapter.class)
    private Boolean nosharepages;

    @XmlElement(name = "source")
    private MemorySource source;

    @XmlElement(name = "access")
    private MemoryAccess access;

    @XmlElement(name = "allocation")
    private MemoryAllocation allocation;

    @XmlElement(name = "discard")
    @XmlJavaTypeAdapter(PresenceAdapter.class)
    private Boolean discard;

    /** Whether {@code <hugepages/>} is present. */
    public boolean isHugepages() {
        return Boolean.TRUE.equals(hugepages);
    }

    public void setHugepages(boolean hugepages) {
        this.hugepages = hugepages;
    }

    /** Whether {@code <locked/>} is present. */
    public boolean isLocked() {
        return Boolean.TRUE.equals(locked);
    }

    public void setLocked(boolean locked) {
        this.locked = locked;
    }

    /** Whether {@code <nosharepages>} is present. */
    public boolean isNosharepages() {
        return Boolean.TRUE.equals(nosharepages);
    }

    public void setNosharepages(boolean nosharepages) {
        this.nosharepages = nosharepages;
    }

    /** {@code <source>}, or {@code null} when absent. */
    public MemorySource getSource() {
        return source;
    }

    public void setSource(MemorySource source) {
        this.source = source;
    }

    /** {@code <access>}, or {@code null} when absent. */
    public MemoryAccess getAccess() {
        return access;
    }

    public void setAccess(MemoryAccess access) {
        this.access = access;
    }

    /** {@code <allocation>}, or {@code null} when absent. */
    public MemoryAllocation getAllocation() {
        return allocation;
    }

    public void setAllocation(MemoryAllocation allocation) {
        this.allocation = allocation;
    }

    /** {@code <discard/>}: whether present, or {@code null} when absent. */
    public Boolean getDiscard() {
        return discard;
    }

    public void setDiscard(Boolean discard) {
        this.discard = discard;
    }
}
