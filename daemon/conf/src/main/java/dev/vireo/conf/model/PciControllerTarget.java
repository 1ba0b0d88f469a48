package dev.vireo.conf.model;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.adapters.XmlJavaTypeAdapter;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <target>} of a PCI controller: the chassis and port numbers a bridge or PCIe port shows the
 * guest, the bus number and NUMA node of an expander bus, and whether it takes hot-plugged devices.
 */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {})
public class PciControllerTarget {
    @XmlAttribute(name = "chassisNr")
    private Integer chassisNr;

    @XmlAttribute(name = "chassis")
    private Integer chassis;

    /** Kept as written (hexadecimal or decimal) until the defaults print it as libvirt does, in hex. */
    @XmlAttribute(name = "port")
    private String port;

    @XmlAttribute(name = "busNr")
    private Integer busNr;

    @XmlAttribute(name = "hotplug")
    @XmlJavaTypeAdapter(OnOffAdapter.class)
    private Boolean hotplug;

    /** {@code <node>}: the guest NUMA node an expander bus belongs to. */
    @XmlElement(name = "node")
    private Integer node;

    public Integer getNode() {
        return node;
    }

    public void setNode(Integer node) {
        this.node = node;
    }

    public Integer getChassisNr() {
        return chassisNr;
    }

    public void setChassisNr(Integer chassisNr) {
        this.chassisNr = chassisNr;
    }

    public Integer getChassis() {
        return chassis;
    }

    public void setChassis(Integer chassis) {
        this.chassis = chassis;
    }

    /** {@code @port} as written, or {@code null} when absent. */
    public String getPort() {
        return port;
    }

    public void setPort(String port) {
        this.port = port;
    }

    public Integer getBusNr() {
        return busNr;
    }

    public void setBusNr(Integer busNr) {
        this.busNr = busNr;
    }

    public Boolean getHotplug() {
        return hotplug;
    }

    public void setHotplug(Boolean hotplug) {
        this.hotplug = hotplug;
    }
}
