package dev.vireo.conf.model;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;
import jakarta.xml.bind.annotation.adapters.XmlJavaTypeAdapter;

/** One listen address of a graphical console: {@code <graphics><listen>}. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {})
public class GraphicsListen {
    @XmlAttribute(name = "type")
    @XmlJavaTypeAdapter(ListenType.Adapter.class)
    private ListenType type;

    @XmlAttribute(name = "address")
    private String address;

    @XmlAttribute(name = "network")
    private String network;

    /** {@code @type}, or {@code null} when absent. */
    public ListenType getType() {
        return type;
    }

    public void setType(ListenType type) {
        this.type = type;
    }

    /** {@code @address}, or {@code null} when absent. */
    public String getAddress() {
        return address;
    }

    public void setAddress(String address) {
        this.address = address;
    }

    /** {@code @network}, or {@code null} when absent. */
    public String getNetwork() {
        return network;
    }

    public void setNetwork(String network) {
        this.network = network;
    }
}
