package dev.vireo.conf.model;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;
import jakarta.xml.bind.annotation.adapters.XmlJavaTypeAdapter;

/**
 * Where a device sits in the guest: {@code <address type=...>}. One class holds every address kind
 * because the kind is an attribute, not an element name. The numeric attributes are kept as written
 * (PCI numbers are usually hex, {@code slot='0x04'}, but decimal is allowed) and read through typed
 * getters that accept either, like libvirt's {@code strtol(..., 0)}. {@link #normalise()} rewrites them
 * the way libvirt prints them.
 */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {})
public class Address {
    // declared in libvirt's attribute order, which JAXB follows when writing
    @XmlAttribute(name = "type")
    @XmlJavaTypeAdapter(AddressType.Adapter.class)
    private AddressType type;

    @XmlAttribute(name = "domain")
    private String domain;
    @XmlAttribute(name = "controller")
    private String controller;
    @XmlAttribute(name = "bus")
    private String bus;
    @XmlAttribute(name = "slot")
    private String slot;
    @XmlAttribute(name = "function")
    private String function;
    @XmlAttribute(name = "target")
    private String target;
    @XmlAttribute(name = "unit")
    private String unit;
    @XmlAttribute(name = "port")
    private String port;
    @XmlAttribute(name = "reg")
    private String reg;
    @XmlAttribute(name = "multifunction")
    @XmlJavaTypeAdapter(OnOffAdapter.class)
    private Boolean multifunction;

    @XmlAttribute(name = "cssid")
    private String cssid;

    @XmlAttribute(name = "ssid")
    private String ssid;

    @XmlAttribute(name = "devno")
    private String devno;

    /** A PCI address. */
    public static Address pci(int domain, int bus, int slot, int function) {
        Address a = new Address();
        a.type = AddressType.PCI;
        a.domain = Integer.toString(domain);
        a.bus = Integer.toString(bus);
        a.slot = Integer.toString(slot);
        a.function = Integer.toString(function);
        a.normalise();
        return a;
    }

    /** A drive address on an IDE, SCSI, SATA or floppy controller. */
    public static Address drive(int controller, int bus, int target, int unit) {
        Address a = new Address();
        a.type = AddressType.DRIVE;
        a.controller = Integer.toString(controller);
        a.bus = Integer.toString(bus);
        a.target = Integer.toString(target);
        a.unit = Integer.toString(unit);
        return a;
    }

    /** A slot on a CCID (smartcard) controller. */
    public static Address ccid(int controller, int slot) {
        Address a = new Address();
        a.type = AddressType.CCID;
        a.controller = Integer.toString(controller);
        a.slot = Integer.toString(slot);
        return a;
    }

    /** A port of a USB bus: {@code port} is dotted through hubs ({@code 1.2}). */
    public static Address usb(int bus, String port) {
        Address a = new Address();
        a.type = AddressType.USB;
        a.bus = Integer.toString(bus);
        a.port = port;
        return a;
    }

    /** A port on a virtio-serial controller. */
    public static Address virtioSerial(int controller, int bus, int port) {
        Address a = new Address();
        a.type = AddressType.VIRTIO_SERIAL;
        a.controller = Integer.toString(controller);
        a.bus = Integer.toString(bus);
        a.port = Integer.toString(port);
        return a;
    }

    public AddressType getType() {
        return type;
    }

    public void setType(AddressType type) {
        this.type = type;
    }

    /** PCI domain. */
    public Integer getDomain() {
        return number(domain);
    }

    /** PCI bus, or the bus of a drive, virtio-serial or USB address. */
    public Integer getBus() {
        return number(bus);
    }

    public void setBus(int bus) {
        this.bus = Integer.toString(bus);
    }

    /** PCI slot (or CCID slot). */
    public Integer getSlot() {
        return number(slot);
    }

    /** PCI function. */
    public Integer getFunction() {
        return number(function);
    }

    /** PCI multifunction ({@code on}/{@code off}), or {@code null} when not given. */
    public Boolean getMultifunction() {
        return multifunction;
    }

    public void setMultifunction(Boolean multifunction) {
        this.multifunction = multifunction;
    }

    /** Controller index of a drive, virtio-serial or CCID address. */
    public Integer getController() {
        return number(controller);
    }

    public void setController(int controller) {
        this.controller = Integer.toString(controller);
    }

    /** SCSI target of a drive address. */
    public Integer getTarget() {
        return number(target);
    }

    /** Unit of a drive address. */
    public Integer getUnit() {
        return number(unit);
    }

    /** Port as written: a number for virtio-serial, a dotted path such as {@code 1.2} for USB. */
    public String getPort() {
        return port;
    }

    /** Port of a virtio-serial address as a number. */
    public Integer getPortNumber() {
        return number(port);
    }

    public void setPort(int port) {
        this.port = Integer.toString(port);
    }

    /** Register of an spapr-vio address. */
    public Long getReg() {
        return reg == null ? null : Long.decode(reg.strip());
    }

    /**
     * The numeric attributes that are present but not numbers, as {@code name='value'} strings; the
     * typed getters throw {@link NumberFormatException} for these.
     */
    public java.util.List<String> malformedNumbers() {
        java.util.List<String> bad = new java.util.ArrayList<>();
        String[][] all = {{"domain", domain}, {"bus", bus}, {"slot", slot}, {"function", function},
                {"controller", controller}, {"target", target}, {"unit", unit}, {"reg", reg}};
        for (String[] a : all) {
            if (a[1] != null && !isNumber(a[1])) bad.add(a[0] + "='" + a[1] + "'");
        }
        if (port != null && type != AddressType.USB && !isNumber(port)) bad.add("port='" + port + "'");
        return bad;
    }

    /** Rewrites the numbers the way libvirt prints them: PCI in fixed-width hex, the rest in decimal. */
    public void normalise() {
        if (!malformedNumbers().isEmpty()) return;
        if (type == AddressType.PCI) {
            domain = hex(domain, 4);
            bus = hex(bus, 2);
            slot = hex(slot, 2);
            function = hex(function, 1);
        } else {
            bus = decimal(bus);
            slot = decimal(slot);
            controller = decimal(controller);
            target = decimal(target);
            unit = decimal(unit);
            if (type != AddressType.USB) port = decimal(port);
            if (reg != null) reg = "0x" + Long.toHexString(getReg());
        }
    }

    /** {@code 0x} and at least {@code width} hex digits; String.format is ten times slower and this runs per address. */
    static String hex(String value, int width) {
        String digits = Integer.toHexString(value == null ? 0 : number(value));
        StringBuilder b = new StringBuilder(2 + Math.max(width, digits.length())).append("0x");
        for (int i = digits.length(); i < width; i++) b.append('0');
        return b.append(digits).toString();
    }

    private static String decimal(String value) {
        return value == null ? null : Integer.toString(number(value));
    }

    private static boolean isNumber(String value) {
        try {
            number(value);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** Decimal, {@code 0x} hex or leading-zero octal, as C's {@code strtol} with base 0 reads it. */
    private static Integer number(String value) {
        return value == null ? null : Integer.decode(value.strip());
    }

    /** {@code @cssid}, or {@code null} when absent. */
    public String getCssid() {
        return cssid;
    }

    public void setCssid(String cssid) {
        this.cssid = cssid;
    }

    /** {@code @ssid}, or {@code null} when absent. */
    public String getSsid() {
        return ssid;
    }

    public void setSsid(String ssid) {
        this.ssid = ssid;
    }

    /** {@code @devno}, or {@code null} when absent. */
    public String getDevno() {
        return devno;
    }

    public void setDevno(String devno) {
        this.devno = devno;
    }
}
