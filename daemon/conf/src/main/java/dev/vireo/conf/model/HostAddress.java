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

    /** PCI domain as a number (decimal, {@code 0x} hex or octal, as libvirt reads it). */
    public Integer getDomainNumber() {
        return number(domain);
    }

    /** PCI or USB bus as a number. */
    public Integer getBusNumber() {
        return number(bus);
    }

    /** PCI slot as a number. */
    public Integer getSlotNumber() {
        return number(slot);
    }

    /** PCI function as a number. */
    public Integer getFunctionNumber() {
        return number(function);
    }

    /** USB device number. */
    public Integer getDeviceNumber() {
        return number(device);
    }

    /** Rewrites a PCI host address as libvirt prints it: {@code 0x0000:0x06:0x12.0x5}-style fixed-width hex. */
    public void normalisePci() {
        domain = Address.hex(domain, 4);
        bus = Address.hex(bus, 2);
        slot = Address.hex(slot, 2);
        function = Address.hex(function, 1);
    }

    /** Rewrites a USB host address in decimal. */
    public void normaliseUsb() {
        if (bus != null) bus = Integer.toString(number(bus));
        if (device != null) device = Integer.toString(number(device));
    }

    private static Integer number(String value) {
        return value == null ? null : Integer.decode(value.strip());
    }
}
