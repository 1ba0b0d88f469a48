package dev.vireo.conf.model;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

/** Credentials for a network disk: {@code <auth>}. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {"secret"})
public class DiskAuth {
    @XmlAttribute(name = "username")
    private String username;

    @XmlElement(name = "secret")
    private Secret secret;

    /** {@code @username}, or {@code null} when absent. */
    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    /** {@code <secret>}, or {@code null} when absent. */
    public Secret getSecret() {
        return secret;
    }

    public void setSecret(Secret secret) {
        this.secret = secret;
    }
}
