package dev.vireo.conf.model;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;
import jakarta.xml.bind.annotation.adapters.XmlJavaTypeAdapter;

/** Which locks virtiofsd supports: {@code <binary><lock posix flock>}. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {})
public class VirtiofsLock {
    @XmlAttribute(name = "posix")
    @XmlJavaTypeAdapter(OnOffAdapter.class)
    private Boolean posix;

    @XmlAttribute(name = "flock")
    @XmlJavaTypeAdapter(OnOffAdapter.class)
    private Boolean flock;

    /** {@code @posix}, or {@code null} when absent. */
    public Boolean getPosix() {
        return posix;
    }

    public void setPosix(Boolean posix) {
        this.posix = posix;
    }

    /** {@code @flock}, or {@code null} when absent. */
    public Boolean getFlock() {
        return flock;
    }

    public void setFlock(Boolean flock) {
        this.flock = flock;
    }
}
