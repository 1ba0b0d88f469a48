package dev.vireo.conf.model;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

/** A lock manager lease: {@code <lease>}. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {"lockspace", "key", "target"})
public class Lease {
    @XmlElement(name = "lockspace")
    private String lockspace;

    @XmlElement(name = "key")
    private String key;

    @XmlElement(name = "target")
    private LeaseTarget target;

    /** {@code <lockspace>}, or {@code null} when absent. */
    public String getLockspace() {
        return lockspace;
    }

    public void setLockspace(String lockspace) {
        this.lockspace = lockspace;
    }

    /** {@code <key>}, or {@code null} when absent. */
    public String getKey() {
        return key;
    }

    public void setKey(String key) {
        this.key = key;
    }

    /** {@code <target>}, or {@code null} when absent. */
    public LeaseTarget getTarget() {
        return target;
    }

    public void setTarget(LeaseTarget target) {
        this.target = target;
    }
}
