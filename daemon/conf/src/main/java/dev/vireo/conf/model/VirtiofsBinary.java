package dev.vireo.conf.model;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;
import jakarta.xml.bind.annotation.adapters.XmlJavaTypeAdapter;

/** The virtiofsd daemon serving a virtiofs filesystem: {@code <filesystem><binary>}. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {"cache", "lock"})
public class VirtiofsBinary {
    @XmlAttribute(name = "path")
    private String path;

    @XmlAttribute(name = "xattr")
    @XmlJavaTypeAdapter(OnOffAdapter.class)
    private Boolean xattr;

    @XmlElement(name = "cache")
    private VirtiofsCache cache;

    @XmlElement(name = "lock")
    private VirtiofsLock lock;

    /** {@code @path} of virtiofsd, or {@code null} when absent. */
    public String getPath() {
        return path;
    }

    public void setPath(String path) {
        this.path = path;
    }

    /** {@code @xattr}, or {@code null} when absent. */
    public Boolean getXattr() {
        return xattr;
    }

    public void setXattr(Boolean xattr) {
        this.xattr = xattr;
    }

    /** {@code <cache>}, or {@code null} when absent. */
    public VirtiofsCache getCache() {
        return cache;
    }

    public void setCache(VirtiofsCache cache) {
        this.cache = cache;
    }

    /** {@code <lock>}, or {@code null} when absent. */
    public VirtiofsLock getLock() {
        return lock;
    }

    public void setLock(VirtiofsLock lock) {
        this.lock = lock;
    }
}
