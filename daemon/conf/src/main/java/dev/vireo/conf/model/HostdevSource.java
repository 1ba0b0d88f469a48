package dev.vireo.conf.model;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;
import jakarta.xml.bind.annotation.adapters.XmlJavaTypeAdapter;

/** Which host device: {@code <hostdev><source>}. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {"vendor", "product", "address"})
public class HostdevSource {
    @XmlAttribute(name = "startupPolicy")
    @XmlJavaTypeAdapter(StartupPolicy.Adapter.class)
    private StartupPolicy startupPolicy;

    @XmlElement(name = "vendor")
    private UsbId vendor;

    @XmlElement(name = "product")
    private UsbId product;

    @XmlElement(name = "address")
    private HostAddress address;

    /** {@code @startupPolicy}, or {@code null} when absent. */
    public StartupPolicy getStartupPolicy() {
        return startupPolicy;
    }

    public void setStartupPolicy(StartupPolicy startupPolicy) {
        this.startupPolicy = startupPolicy;
    }

    /** {@code <vendor>}, or {@code null} when absent. */
    public UsbId getVendor() {
        return vendor;
    }

    public void setVendor(UsbId vendor) {
        this.vendor = vendor;
    }

    /** {@code <product>}, or {@code null} when absent. */
    public UsbId getProduct() {
        return product;
    }

    public void setProduct(UsbId product) {
        this.product = product;
    }

    /** {@code <address>}, or {@code null} when absent. */
    public HostAddress getAddress() {
        return address;
    }

    public void setAddress(HostAddress address) {
        this.address = address;
    }
}
