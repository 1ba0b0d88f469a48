package dev.vireo.conf.model;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;
import jakarta.xml.bind.annotation.adapters.XmlJavaTypeAdapter;
import java.util.ArrayList;
import java.util.List;

/** Encryption of a disk image: {@code <encryption>}. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {"secrets"})
public class DiskEncryption {
    @XmlAttribute(name = "format")
    @XmlJavaTypeAdapter(EncryptionFormat.Adapter.class)
    private EncryptionFormat format;

    @XmlElement(name = "secret")
    private final List<Secret> secrets = new ArrayList<>();

    /** {@code @format}, or {@code null} when absent. */
    public EncryptionFormat getFormat() {
        return format;
    }

    public void setFormat(EncryptionFormat format) {
        this.format = format;
    }

    /** The {@code <secret>} children, in document order; the list is live. */
    public List<Secret> getSecrets() {
        return secrets;
    }
}
