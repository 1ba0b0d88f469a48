package dev.vireo.conf.model;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;
import jakarta.xml.bind.annotation.XmlValue;

/** Guest OS type with its architecture and machine: {@code <os><type>}. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {})
public class OsType {
    @XmlAttribute(name = "arch")
    private String arch;

    @XmlAttribute(name = "machine")
    private String machine;

    @XmlValue
    private String value;

    /** {@code @arch}, or {@code null} when absent. */
    public String getArch() {
        return arch;
    }

    public void setArch(String arch) {
        this.arch = arch;
    }

    /** {@code @machine}, or {@code null} when absent. */
    public String getMachine() {
        return machine;
    }

    public void setMachine(String machine) {
        this.machine = machine;
    }

    /** {@code text}, or {@code null} when absent. */
    public String getValue() {
        return value;
    }

    public void setValue(String value) {
        this.value = value;
    }
}
