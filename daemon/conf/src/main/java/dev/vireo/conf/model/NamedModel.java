package dev.vireo.conf.model;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <model name='...'/>}: the QEMU device that implements a controller or serial port model,
 * which libvirt 9 fills in and stores (pcie-root-port, x3130-upstream, isa-serial, ...).
 */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {})
public class NamedModel {
    @XmlAttribute(name = "name")
    private String name;

    public NamedModel() {
    }

    public NamedModel(String name) {
        this.name = name;
    }

    /** {@code @name}, or {@code null} when absent. */
    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }
}
