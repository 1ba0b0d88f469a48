package dev.vireo.conf.model;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;
import jakarta.xml.bind.annotation.adapters.XmlJavaTypeAdapter;
import java.util.ArrayList;
import java.util.List;

/** A USB device redirected from a client: {@code <redirdev>}. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {"sources", "protocol", "boot", "alias", "address"})
public class Redirdev extends Device {
    @XmlAttribute(name = "bus")
    @XmlJavaTypeAdapter(RedirdevBus.Adapter.class)
    private RedirdevBus bus;

    @XmlAttribute(name = "type")
    @XmlJavaTypeAdapter(CharType.Adapter.class)
    private CharType type;

    @XmlElement(name = "source")
    private final List<CharSource> sources = new ArrayList<>();

    @XmlElement(name = "protocol")
    private CharProtocolElement protocol;

    @XmlElement(name = "boot")
    private BootOrder boot;

    /** {@code @bus}, or {@code null} when absent. */
    public RedirdevBus getBus() {
        return bus;
    }

    public void setBus(RedirdevBus bus) {
        this.bus = bus;
    }

    /** {@code @type}, or {@code null} when absent. */
    public CharType getType() {
        return type;
    }

    public void setType(CharType type) {
        this.type = type;
    }

    /** The {@code <source>} children, in document order; the list is live. */
    public List<CharSource> getSources() {
        return sources;
    }

    /** {@code <protocol>}, or {@code null} when absent. */
    public CharProtocolElement getProtocol() {
        return protocol;
    }

    public void setProtocol(CharProtocolElement protocol) {
        this.protocol = protocol;
    }

    /** {@code <boot>}, or {@code null} when absent. */
    public BootOrder getBoot() {
        return boot;
    }

    public void setBoot(BootOrder boot) {
        this.boot = boot;
    }
}
