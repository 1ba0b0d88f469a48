package dev.vireo.conf.model;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;
import jakarta.xml.bind.annotation.adapters.XmlJavaTypeAdapter;

/** A host device assigned to the guest: {@code <hostdev>}. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {"source", "boot", "alias", "rom", "address"})
public class Hostdev extends Device {
    @XmlAttribute(name = "mode")
    @XmlJavaTypeAdapter(HostdevMode.Adapter.class)
    private HostdevMode mode;

    @XmlAttribute(name = "type")
    @XmlJavaTypeAdapter(HostdevType.Adapter.class)
    private HostdevType type;

    @XmlAttribute(name = "managed")
    @XmlJavaTypeAdapter(YesNoAdapter.class)
    private Boolean managed;

    @XmlElement(name = "source")
    private HostdevSource source;

    @XmlElement(name = "boot")
    private BootOrder boot;

    @XmlElement(name = "rom")
    private Rom rom;

    /** {@code @mode}, or {@code null} when absent. */
    public HostdevMode getMode() {
        return mode;
    }

    public void setMode(HostdevMode mode) {
        this.mode = mode;
    }

    /** {@code @type}, or {@code null} when absent. */
    public HostdevType getType() {
        return type;
    }

    public void setType(HostdevType type) {
        this.type = type;
    }

    /** {@code @managed}, or {@code null} when absent. */
    public Boolean getManaged() {
        return managed;
    }

    public void setManaged(Boolean managed) {
        this.managed = managed;
    }

    /** {@code <source>}, or {@code null} when absent. */
    public HostdevSource getSource() {
        return source;
    }

    public void setSource(HostdevSource source) {
        this.source = source;
    }

    /** {@code <boot>}, or {@code null} when absent. */
    public BootOrder getBoot() {
        return boot;
    }

    public void setBoot(BootOrder boot) {
        this.boot = boot;
    }

    /** {@code <rom>}, or {@code null} when absent. */
    public Rom getRom() {
        return rom;
    }

    public void setRom(Rom rom) {
        this.rom = rom;
    }
}
