package dev.vireo.conf.model;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;
import jakarta.xml.bind.annotation.adapters.XmlJavaTypeAdapter;

/** Guest end of a character device: {@code <target>}. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {})
public class CharTarget {
    @XmlAttribute(name = "type")
    @XmlJavaTypeAdapter(CharTargetType.Adapter.class)
    private CharTargetType type;

    @XmlAttribute(name = "address")
    private String address;

    @XmlAttribute(name = "port")
    private Integer port;

    @XmlAttribute(name = "name")
    private String name;

    /** Whether the guest has the channel open: live XML only, as libvirt reports it. */
    @XmlAttribute(name = "state")
    @XmlJavaTypeAdapter(LiveOnly.OfString.class)
    private String state;

    /** {@code <model name>}: the QEMU device of a serial port (libvirt 9 stores it). */
    @XmlElement(name = "model")
    private NamedModel model;

    /** {@code @state}, or {@code null} when absent or not live. */
    public String getState() {
        return state;
    }

    public void setState(String state) {
        this.state = state;
    }

    /** {@code <model>}, or {@code null} when absent. */
    public NamedModel getModel() {
        return model;
    }

    public void setModel(NamedModel model) {
        this.model = model;
    }

    /** {@code @type}, or {@code null} when absent. */
    public CharTargetType getType() {
        return type;
    }

    public void setType(CharTargetType type) {
        this.type = type;
    }

    /** {@code @port}, or {@code null} when absent. */
    public Integer getPort() {
        return port;
    }

    public void setPort(Integer port) {
        this.port = port;
    }

    /** {@code @name}, or {@code null} when absent. */
    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    /** {@code @address}, or {@code null} when absent. */
    public String getAddress() {
        return address;
    }

    public void setAddress(String address) {
        this.address = address;
    }
}
