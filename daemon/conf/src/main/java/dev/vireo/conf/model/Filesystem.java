package dev.vireo.conf.model;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;
import jakarta.xml.bind.annotation.adapters.XmlJavaTypeAdapter;

/** A host directory or image shared with the guest: {@code <filesystem>}. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {"driver", "binary", "source", "target", "readonly", "alias", "address"})
public class Filesystem extends Device {
    @XmlAttribute(name = "type")
    @XmlJavaTypeAdapter(FilesystemType.Adapter.class)
    private FilesystemType type;

    @XmlAttribute(name = "accessmode")
    @XmlJavaTypeAdapter(FilesystemAccessMode.Adapter.class)
    private FilesystemAccessMode accessmode;

    @XmlElement(name = "driver")
    private FilesystemDriver driver;

    @XmlElement(name = "source")
    private FilesystemSource source;

    @XmlElement(name = "target")
    private FilesystemTarget target;

    @XmlElement(name = "readonly")
    @XmlJavaTypeAdapter(PresenceAdapter.class)
    private Boolean readonly;

    @XmlElement(name = "binary")
    private VirtiofsBinary binary;

    /** {@code @type}, or {@code null} when absent. */
    public FilesystemType getType() {
        return type;
    }

    public void setType(FilesystemType type) {
        this.type = type;
    }

    /** {@code @accessmode}, or {@code null} when absent. */
    public FilesystemAccessMode getAccessmode() {
        return accessmode;
    }

    public void setAccessmode(FilesystemAccessMode accessmode) {
        this.accessmode = accessmode;
    }

    /** {@code <driver>}, or {@code null} when absent. */
    public FilesystemDriver getDriver() {
        return driver;
    }

    public void setDriver(FilesystemDriver driver) {
        this.driver = driver;
    }

    /** {@code <source>}, or {@code null} when absent. */
    public FilesystemSource getSource() {
        return source;
    }

    public void setSource(FilesystemSource source) {
        this.source = source;
    }

    /** {@code <target>}, or {@code null} when absent. */
    public FilesystemTarget getTarget() {
        return target;
    }

    public void setTarget(FilesystemTarget target) {
        this.target = target;
    }

    /** Whether {@code <readonly/>} is present. */
    public boolean isReadonly() {
        return Boolean.TRUE.equals(readonly);
    }

    public void setReadonly(boolean readonly) {
        this.readonly = readonly;
    }

    /** {@code <binary>} (virtiofs), or {@code null} when absent. */
    public VirtiofsBinary getBinary() {
        return binary;
    }

    public void setBinary(VirtiofsBinary binary) {
        this.binary = binary;
    }
}
