package dev.vireo.conf.model;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;
import jakarta.xml.bind.annotation.adapters.XmlJavaTypeAdapter;

/** A disk, cdrom, floppy or lun: {@code <disk>}. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {"driver", "auth", "source", "backingStore", "geometry", "blockio", "mirror", "target", "iotune", "readonly", "shareable", "transientFlag", "serial", "wwn", "encryption", "boot", "alias", "address"})
public class Disk extends Device {
    @XmlAttribute(name = "type")
    @XmlJavaTypeAdapter(DiskType.Adapter.class)
    private DiskType type;

    @XmlAttribute(name = "device")
    @XmlJavaTypeAdapter(DiskDevice.Adapter.class)
    private DiskDevice device;

    @XmlAttribute(name = "rawio")
    @XmlJavaTypeAdapter(YesNoAdapter.class)
    private Boolean rawio;

    @XmlAttribute(name = "sgio")
    @XmlJavaTypeAdapter(DiskSgio.Adapter.class)
    private DiskSgio sgio;

    @XmlAttribute(name = "snapshot")
    @XmlJavaTypeAdapter(DiskSnapshot.Adapter.class)
    private DiskSnapshot snapshot;

    @XmlElement(name = "driver")
    private DiskDriver driver;

    @XmlElement(name = "auth")
    private DiskAuth auth;

    @XmlElement(name = "source")
    private DiskSource source;

    @XmlElement(name = "geometry")
    private DiskGeometry geometry;

    @XmlElement(name = "blockio")
    private DiskBlockIo blockio;

    @XmlElement(name = "mirror")
    @XmlJavaTypeAdapter(LiveOnly.OfDiskMirror.class)
    private DiskMirror mirror;

    @XmlElement(name = "target")
    private DiskTarget target;

    @XmlElement(name = "iotune")
    private DiskIoTune iotune;

    @XmlElement(name = "readonly")
    @XmlJavaTypeAdapter(PresenceAdapter.class)
    private Boolean readonly;

    @XmlElement(name = "shareable")
    @XmlJavaTypeAdapter(PresenceAdapter.class)
    private Boolean shareable;

    @XmlElement(name = "transient")
    @XmlJavaTypeAdapter(PresenceAdapter.class)
    private Boolean transientFlag;

    @XmlElement(name = "serial")
    private String serial;

    @XmlElement(name = "wwn")
    private String wwn;

    @XmlElement(name = "encryption")
    private DiskEncryption encryption;

    @XmlElement(name = "boot")
    private BootOrder boot;

    @XmlElement(name = "backingStore")
    @XmlJavaTypeAdapter(LiveOnly.OfDiskBackingStore.class)
    private DiskBackingStore backingStore;

    /** {@code @type}, or {@code null} when absent. */
    public DiskType getType() {
        return type;
    }

    public void setType(DiskType type) {
        this.type = type;
    }

    /** {@code @device}, or {@code null} when absent. */
    public DiskDevice getDevice() {
        return device;
    }

    public void setDevice(DiskDevice device) {
        this.device = device;
    }

    /** {@code @rawio}, or {@code null} when absent. */
    public Boolean getRawio() {
        return rawio;
    }

    public void setRawio(Boolean rawio) {
        this.rawio = rawio;
    }

    /** {@code @sgio}, or {@code null} when absent. */
    public DiskSgio getSgio() {
        return sgio;
    }

    public void setSgio(DiskSgio sgio) {
        this.sgio = sgio;
    }

    /** {@code @snapshot}, or {@code null} when absent. */
    public DiskSnapshot getSnapshot() {
        return snapshot;
    }

    public void setSnapshot(DiskSnapshot snapshot) {
        this.snapshot = snapshot;
    }

    /** {@code <driver>}, or {@code null} when absent. */
    public DiskDriver getDriver() {
        return driver;
    }

    public void setDriver(DiskDriver driver) {
        this.driver = driver;
    }

    /** {@code <auth>}, or {@code null} when absent. */
    public DiskAuth getAuth() {
        return auth;
    }

    public void setAuth(DiskAuth auth) {
        this.auth = auth;
    }

    /** {@code <source>}, or {@code null} when absent. */
    public DiskSource getSource() {
        return source;
    }

    public void setSource(DiskSource source) {
        this.source = source;
    }

    /** {@code <geometry>}, or {@code null} when absent. */
    public DiskGeometry getGeometry() {
        return geometry;
    }

    public void setGeometry(DiskGeometry geometry) {
        this.geometry = geometry;
    }

    /** {@code <blockio>}, or {@code null} when absent. */
    public DiskBlockIo getBlockio() {
        return blockio;
    }

    public void setBlockio(DiskBlockIo blockio) {
        this.blockio = blockio;
    }

    /** {@code <mirror>}, or {@code null} when absent. */
    public DiskMirror getMirror() {
        return mirror;
    }

    public void setMirror(DiskMirror mirror) {
        this.mirror = mirror;
    }

    /** {@code <target>}, or {@code null} when absent. */
    public DiskTarget getTarget() {
        return target;
    }

    public void setTarget(DiskTarget target) {
        this.target = target;
    }

    /** {@code <iotune>}, or {@code null} when absent. */
    public DiskIoTune getIotune() {
        return iotune;
    }

    public void setIotune(DiskIoTune iotune) {
        this.iotune = iotune;
    }

    /** Whether {@code <readonly/>} is present. */
    public boolean isReadonly() {
        return Boolean.TRUE.equals(readonly);
    }

    public void setReadonly(boolean readonly) {
        this.readonly = readonly;
    }

    /** Whether {@code <shareable/>} is present. */
    public boolean isShareable() {
        return Boolean.TRUE.equals(shareable);
    }

    public void setShareable(boolean shareable) {
        this.shareable = shareable;
    }

    /** Whether {@code <transient/>} is present. */
    public boolean isTransient() {
        return Boolean.TRUE.equals(transientFlag);
    }

    public void setTransient(boolean transientFlag) {
        this.transientFlag = transientFlag;
    }

    /** {@code <serial>}, or {@code null} when absent. */
    public String getSerial() {
        return serial;
    }

    public void setSerial(String serial) {
        this.serial = serial;
    }

    /** {@code <wwn>}, or {@code null} when absent. */
    public String getWwn() {
        return wwn;
    }

    public void setWwn(String wwn) {
        this.wwn = wwn;
    }

    /** {@code <encryption>}, or {@code null} when absent. */
    public DiskEncryption getEncryption() {
        return encryption;
    }

    public void setEncryption(DiskEncryption encryption) {
        this.encryption = encryption;
    }

    /** {@code <boot>}, or {@code null} when absent. */
    public BootOrder getBoot() {
        return boot;
    }

    public void setBoot(BootOrder boot) {
        this.boot = boot;
    }

    /** {@code <backingStore>}: the image chain below the source (live XML only), or {@code null} when absent. */
    public DiskBackingStore getBackingStore() {
        return backingStore;
    }

    public void setBackingStore(DiskBackingStore backingStore) {
        this.backingStore = backingStore;
    }
}
