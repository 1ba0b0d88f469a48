package dev.vireo.conf.model;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;
import jakarta.xml.bind.annotation.adapters.XmlJavaTypeAdapter;

/** One server of a network disk: {@code <source><host>}. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {})
public class DiskSourceHost {
    @XmlAttribute(name = "name")
    private String name;

    @XmlAttribute(name = "port")
    private String port;

    @XmlAttribute(name = "transport")
    @XmlJavaTypeAdapter(HostTransport.Adapter.class)
    private HostTransport transport;

    @XmlAttribute(name = "socket")
    private String socket;

    /** {@code @name}, or {@code null} when absent. */
    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    /** {@code @port}, or {@code null} when absent. */
    public String getPort() {
        return port;
    }

    public void setPort(String port) {
        this.port = port;
    }

    /** {@code @transport}, or {@code null} when absent. */
    public HostTransport getTransport() {
        return transport;
    }

    public void setTransport(HostTransport transport) {
        this.transport = transport;
    }

    /** {@code @socket}, or {@code null} when absent. */
    public String getSocket() {
        return socket;
    }

    public void setSocket(String socket) {
        this.socket = socket;
    }
}
