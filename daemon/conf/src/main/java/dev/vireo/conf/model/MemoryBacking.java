package dev.vireo.conf.model;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;
import jakarta.xml.bind.annotation.adapters.XmlJavaTypeAdapter;

/** How guest memory is backed: {@code <memoryBacking>}. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {"hugepages", "nosharepages", "locked"})
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
}
