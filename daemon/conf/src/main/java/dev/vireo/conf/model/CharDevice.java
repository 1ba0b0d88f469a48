package dev.vireo.conf.model;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;
import jakarta.xml.bind.annotation.adapters.XmlJavaTypeAdapter;
import java.util.ArrayList;
import java.util.List;

/** A serial port, parallel port, console or channel. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {"sources", "protocol", "target", "alias", "address"})
public class CharDevice extends Device {
    @XmlAttribute(name = "type")
    @XmlJavaTypeAdapter(CharType.Adapter.class)
    private CharType type;

    @XmlAttribute(name = "tty")
    @XmlJavaTypeAdapter(LiveOnly.OfString.class)
    private String tty;

    @XmlElement(name = "source")
    private final List<CharSource> sources = new ArrayList<>();

    @XmlElement(name = "protocol")
    private CharProtocolElement protocol;

    @XmlElement(name = "target")
    private CharTarget target;

    /** {@code @type}, or {@code null} when absent. */
    public CharType getType() {
        return type;
    }

    public void setType(CharType type) {
        this.type = type;
    }

    /** {@code @tty}, or {@code null} when absent. */
    public String getTty() {
        return tty;
    }

    public void setTty(String tty) {
        this.tty = tty;
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

    /** {@code <target>}, or {@code null} when absent. */
    public CharTarget getTarget() {
        return target;
    }

    public void setTarget(CharTarget target) {
        this.target = target;
    }
}
