package dev.vireo.conf.model;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;

/** What a filesystem share exports: {@code <filesystem><source>}. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {})
public class FilesystemSource {
    @XmlAttribute(name = "dir")
    private String dir;

    @XmlAttribute(name = "dev")
    private String dev;

    @XmlAttribute(name = "file")
    private String file;

    @XmlAttribute(name = "name")
    private String name;

    /** {@code @dir}, or {@code null} when absent. */
    public String getDir() {
        return dir;
    }

    public void setDir(String dir) {
        this.dir = dir;
    }

    /** {@code @dev}, or {@code null} when absent. */
    public String getDev() {
        return dev;
    }

    public void setDev(String dev) {
        this.dev = dev;
    }

    /** {@code @file}, or {@code null} when absent. */
    public String getFile() {
        return file;
    }

    public void setFile(String file) {
        this.file = file;
    }

    /** {@code @name}, or {@code null} when absent. */
    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }
}
