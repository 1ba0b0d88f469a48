package dev.vireo.conf.model;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;
import jakarta.xml.bind.annotation.adapters.XmlJavaTypeAdapter;

/** Host end of a character device: {@code <source>}. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {})
public class CharSource {
    @XmlAttribute(name = "mode")
    @XmlJavaTypeAdapter(CharSourceMode.Adapter.class)
    private CharSourceMode mode;

    @XmlAttribute(name = "path")
    private String path;

    @XmlAttribute(name = "host")
    private String host;

    @XmlAttribute(name = "service")
    private String service;

    /** {@code @mode}, or {@code null} when absent. */
    public CharSourceMode getMode() {
        return mode;
    }

    public void setMode(CharSourceMode mode) {
        this.mode = mode;
    }

    /** {@code @path}, or {@code null} when absent. */
    public String getPath() {
        return path;
    }

    public void setPath(String path) {
        this.path = path;
    }

    /** {@code @host}, or {@code null} when absent. */
    public String getHost() {
        return host;
    }

    public void setHost(String host) {
        this.host = host;
    }

    /** {@code @service}, or {@code null} when absent. */
    public String getService() {
        return service;
    }

    public void setService(String service) {
        this.service = service;
    }
}
