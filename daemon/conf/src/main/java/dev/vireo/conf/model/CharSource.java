package dev.vireo.conf.model;

import jakarta.xml.bind.annotation.XmlAccessType;
import java.util.List;
import java.util.ArrayList;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;
import jakarta.xml.bind.annotation.adapters.XmlJavaTypeAdapter;

/** Host end of a character device: {@code <source>}. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {"seclabels"})
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

    @XmlElement(name = "seclabel")
    private final List<DeviceSecLabel> seclabels = new ArrayList<>();

    @XmlAttribute(name = "wiremode")
    private String wiremode;

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

    /** The per-device {@code <seclabel>} overrides; the list is live. */
    public List<DeviceSecLabel> getSeclabels() {
        return seclabels;
    }

    /** {@code @wiremode}, or {@code null} when absent. */
    public String getWiremode() {
        return wiremode;
    }

    public void setWiremode(String wiremode) {
        this.wiremode = wiremode;
    }
}
