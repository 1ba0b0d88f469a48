package dev.vireo.conf.model;

import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;
import jakarta.xml.bind.annotation.adapters.XmlJavaTypeAdapter;

/** Driver of a filesystem share: {@code <filesystem><driver>}. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {})
public class FilesystemDriver {
    @XmlAttribute(name = "type")
    @XmlJavaTypeAdapter(FilesystemDriverType.Adapter.class)
    private FilesystemDriverType type;

    @XmlAttribute(name = "wrpolicy")
    @XmlJavaTypeAdapter(FilesystemWritePolicy.Adapter.class)
    private FilesystemWritePolicy wrpolicy;

    @XmlAttribute(name = "queue")
    private Integer queue;

    /** {@code @type}, or {@code null} when absent. */
    public FilesystemDriverType getType() {
        return type;
    }

    public void setType(FilesystemDriverType type) {
        this.type = type;
    }

    /** {@code @wrpolicy}, or {@code null} when absent. */
    public FilesystemWritePolicy getWrpolicy() {
        return wrpolicy;
    }

    public void setWrpolicy(FilesystemWritePolicy wrpolicy) {
        this.wrpolicy = wrpolicy;
    }

    /** {@code @queue} size (virtiofs), or {@code null} when absent. */
    public Integer getQueue() {
        return queue;
    }

    public void setQueue(Integer queue) {
        this.queue = queue;
    }
}
