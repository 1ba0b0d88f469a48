package dev.vireo.conf.model;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;
import jakarta.xml.bind.annotation.adapters.XmlJavaTypeAdapter;

/** Destination of an active block copy: {@code <mirror>} (live XML only). */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {})
public class DiskMirror {
    @XmlAttribute(name = "file")
    private String file;

    @XmlAttribute(name = "format")
    private String format;

    @XmlAttribute(name = "ready")
    @XmlJavaTypeAdapter(YesNoAdapter.class)
    private Boolean ready;

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

    /** {@code @ready}, or {@code null} when absent. */
    public Boolean getReady() {
        return ready;
    }

    public void setReady(Boolean ready) {
        this.ready = ready;
    }
}
