package dev.vireo.conf.model;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;
import jakarta.xml.bind.annotation.adapters.XmlJavaTypeAdapter;

/**
 * Destination of an active block copy (or the base of an active commit): {@code <mirror>}, live
 * XML only. libvirt 9 writes the destination twice, as attributes ({@code file}, {@code format})
 * for older readers and as {@code <format>}/{@code <source index>} children.
 */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {"formatElement", "source", "backingStore"})
public class DiskMirror {
    @XmlAttribute(name = "type")
    @XmlJavaTypeAdapter(DiskType.Adapter.class)
    private DiskType type;

    @XmlAttribute(name = "file")
    private String file;

    @XmlAttribute(name = "format")
    private String format;

    @XmlAttribute(name = "job")
    private String job;

    /** yes (in sync), abort or pivot (being ended); absent while it catches up. */
    @XmlAttribute(name = "ready")
    private String ready;

    @XmlElement(name = "format")
    private BackingFormat formatElement;

    @XmlElement(name = "source")
    private DiskSource source;

    @XmlElement(name = "backingStore")
    private DiskBackingStore backingStore;

    /** {@code @type}, or {@code null} when absent. */
    public DiskType getType() {
        return type;
    }

    public void setType(DiskType type) {
        this.type = type;
    }

    /** {@code @file}, or {@code null} when absent. */
    public String getFile() {
        return file;
    }

    public void setFile(String file) {
        this.file = file;
    }

    /** {@code @format}, or {@code null} when absent. */
    public String getFormat() {
        return format;
    }

    public void setFormat(String format) {
        this.format = format;
    }

    /** {@code @job}: {@code copy} or {@code active-commit}, or {@code null} when absent. */
    public String getJob() {
        return job;
    }

    public void setJob(String job) {
        this.job = job;
    }

    /** {@code @ready}: yes, abort, pivot, or {@code null} when absent. */
    public String getReady() {
        return ready;
    }

    public void setReady(String ready) {
        this.ready = ready;
    }

    /** {@code <format type>}, or {@code null}. */
    public BackingFormat getFormatElement() {
        return formatElement;
    }

    public void setFormatElement(BackingFormat formatElement) {
        this.formatElement = formatElement;
    }

    /** {@code <source>} (with the image's {@code index}), or {@code null}. */
    public DiskSource getSource() {
        return source;
    }

    public void setSource(DiskSource source) {
        this.source = source;
    }

    /** {@code <backingStore>}, or {@code null}. */
    public DiskBackingStore getBackingStore() {
        return backingStore;
    }

    public void setBackingStore(DiskBackingStore backingStore) {
        this.backingStore = backingStore;
    }
}
