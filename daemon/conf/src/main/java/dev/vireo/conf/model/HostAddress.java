package dev.vireo.conf.model;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;

/** Host address of an assigned device: {@code <source><address>}; PCI fields or USB bus/device. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {})
public class HostAddress {
    @XmlAttribute(name = "domain")
    private String domain;

    @XmlAttribute(name = "bus")
    private String bus;

    @XmlAttribute(name = "slot")
    private String slot;

    @XmlAttribute(name = "function")
    private String function;

    @XmlAttribute(name = "device")
    private String device;

    /** {@code @domain}, or {@code null} when absent. */
    public String getDomain() {
        return domain;
    }

    public void setDomain(String domain) {
        this.domain = domain;
    }

    /** {@code @bus}, or {@code null} when absent. */
    public String getBus() {
        return bus;
    }

    public void setBus(String bus) {
        this.bus = bus;
    }

    /** {@code @slot}, or {@code null} when absent. */
    public String getSlot() {
        return slot;
    }

    public void setSlot(String slot) {
        this.slot = slot;
    }

    /** {@code @function}, or {@code null} when absent. */
    public String getFunction() {
        return function;
    }

    public void setFunction(String function) {
        this.function = function;
    }

    /** {@code @device}, or {@code null} when absent. */
    public String getDevice() {
        return device;
    }

    public void setDevice(String device) {
        this.device = device;
    }
}
