package dev.vireo.conf.model;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

/** SMBIOS values presented to the guest: {@code <sysinfo>}. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {"bios", "system"})
public class SysInfo {
    @XmlAttribute(name = "type")
    private String type;

    @XmlElement(name = "bios")
    private SysInfoBlock bios;

    @XmlElement(name = "system")
    private SysInfoBlock system;

    /** {@code @type}, or {@code null} when absent. */
    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    /** {@code <bios>}, or {@code null} when absent. */
    public SysInfoBlock getBios() {
        return bios;
    }

    public void setBios(SysInfoBlock bios) {
        this.bios = bios;
    }

    /** {@code <system>}, or {@code null} when absent. */
    public SysInfoBlock getSystem() {
        return system;
    }

    public void setSystem(SysInfoBlock system) {
        this.system = system;
    }
}
