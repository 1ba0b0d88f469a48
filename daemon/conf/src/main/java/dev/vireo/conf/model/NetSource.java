package dev.vireo.conf.model;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;

/** Host side of an interface: {@code <interface><source>}. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {"pciAddress"})
public class NetSource {
    @XmlAttribute(name = "network")
    private String network;

    @XmlAttribute(name = "portgroup")
    private String portgroup;

    @XmlAttribute(name = "bridge")
    private String bridge;

    @XmlAttribute(name = "dev")
    private String dev;

    @XmlAttribute(name = "mode")
    private String mode;

    @XmlAttribute(name = "address")
    private String address;

    @XmlAttribute(name = "port")
    private Integer port;

    @XmlElement(name = "address")
    private Address pciAddress;

    /** {@code @network}, or {@code null} when absent. */
    public String getNetwork() {
        return network;
    }

    public void setNetwork(String network) {
        this.network = network;
    }

    /** {@code @portgroup}, or {@code null} when absent. */
    public String getPortgroup() {
        return portgroup;
    }

    public void setPortgroup(String portgroup) {
        this.portgroup = portgroup;
    }

    /** {@code @bridge}, or {@code null} when absent. */
    public String getBridge() {
        return bridge;
    }

    public void setBridge(String bridge) {
        this.bridge = bridge;
    }

    /** {@code @dev}, or {@code null} when absent. */
    public String getDev() {
        return dev;
    }

    public void setDev(String dev) {
        this.dev = dev;
    }

    /** {@code @mode}, or {@code null} when absent. */
    public String getMode() {
        return mode;
    }

    public void setMode(String mode) {
        this.mode = mode;
    }

    /** {@code @address}, or {@code null} when absent. */
    public String getAddress() {
        return address;
    }

    public void setAddress(String address) {
        this.address = address;
    }

    /** {@code @port}, or {@code null} when absent. */
    public Integer getPort() {
        return port;
    }

    public void setPort(Integer port) {
        this.port = port;
    }

    /** {@code <address>} of the host PCI device behind a {@code type='hostdev'} interface, or {@code null}. */
    public Address getPciAddress() {
        return pciAddress;
    }

    public void setPciAddress(Address pciAddress) {
        this.pciAddress = pciAddress;
    }
}
