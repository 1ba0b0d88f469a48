package dev.vireo.conf.model;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;
import jakarta.xml.bind.annotation.adapters.XmlJavaTypeAdapter;
import java.util.ArrayList;
import java.util.List;

/** A smartcard reader: {@code <smartcard>}. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {"certificates", "database", "sources", "protocol", "alias", "address"})
public class Smartcard extends Device {
    @XmlAttribute(name = "mode")
    @XmlJavaTypeAdapter(SmartcardMode.Adapter.class)
    private SmartcardMode mode;

    @XmlAttribute(name = "type")
    @XmlJavaTypeAdapter(CharType.Adapter.class)
    private CharType type;

    @XmlElement(name = "certificate")
    private final List<String> certificates = new ArrayList<>();

    @XmlElement(name = "database")
    private String database;

    @XmlElement(name = "source")
    private final List<CharSource> sources = new ArrayList<>();

    @XmlElement(name = "protocol")
    private CharProtocolElement protocol;

    /** {@code @mode}, or {@code null} when absent. */
    public SmartcardMode getMode() {
        return mode;
    }

    public void setMode(SmartcardMode mode) {
        this.mode = mode;
    }

    /** {@code @type}, or {@code null} when absent. */
    public CharType getType() {
        return type;
    }

    public void setType(CharType type) {
        this.type = type;
    }

    /** The {@code <certificate>} children, in document order; the list is live. */
    public List<String> getCertificates() {
        return certificates;
    }

    /** {@code <database>}, or {@code null} when absent. */
    public String getDatabase() {
        return database;
    }

    public void setDatabase(String database) {
        this.database = database;
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
}
