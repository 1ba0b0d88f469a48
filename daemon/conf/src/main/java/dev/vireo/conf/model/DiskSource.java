package dev.vireo.conf.model;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;
import jakarta.xml.bind.annotation.adapters.XmlJavaTypeAdapter;
import java.util.ArrayList;
import java.util.List;

/** Where a disk's data is: {@code <disk><source>}. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {"hosts", "seclabels"})
public class DiskSource {
    @XmlAttribute(name = "file")
    private String file;

    @XmlAttribute(name = "dev")
    private String dev;

    @XmlAttribute(name = "dir")
    private String dir;

    @XmlAttribute(name = "protocol")
    @XmlJavaTypeAdapter(NetworkDiskProtocol.Adapter.class)
    private NetworkDiskProtocol protocol;

    @XmlAttribute(name = "name")
    private String name;

    @XmlAttribute(name = "startupPolicy")
    @XmlJavaTypeAdapter(StartupPolicy.Adapter.class)
    private StartupPolicy startupPolicy;

    @XmlAttribute(name = "index")
    @XmlJavaTypeAdapter(LiveOnly.OfInteger.class)
    private Integer index;

    @XmlElement(name = "host")
    private final List<DiskSourceHost> hosts = new ArrayList<>();

    @XmlElement(name = "seclabel")
    private final List<DeviceSecLabel> seclabels = new ArrayList<>();

    /**
     * {@code @index}: a running domain's number for the disk's top image ({@code vda[N]}), or
     * {@code null} (inactive definitions carry none).
     */
    public Integer getIndex() {
        return index;
    }

    public void setIndex(Integer index) {
        this.index = index;
    }

    /** {@code @file}, or {@code null} when absent. */
    public String getFile() {
        return file;
    }

    public void setFile(String file) {
        this.file = file;
    }

    /** {@code @dev}, or {@code null} when absent. */
    public String getDev() {
        return dev;
    }

    public void setDev(String dev) {
        this.dev = dev;
    }

    /** {@code @dir}, or {@code null} when absent. */
    public String getDir() {
        return dir;
    }

    public void setDir(String dir) {
        this.dir = dir;
    }

    /** {@code @protocol}, or {@code null} when absent. */
    public NetworkDiskProtocol getProtocol() {
        return protocol;
    }

    public void setProtocol(NetworkDiskProtocol protocol) {
        this.protocol = protocol;
    }

    /** {@code @name}, or {@code null} when absent. */
    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    /** {@code @startupPolicy}, or {@code null} when absent. */
    public StartupPolicy getStartupPolicy() {
        return startupPolicy;
    }

    public void setStartupPolicy(StartupPolicy startupPolicy) {
        this.startupPolicy = startupPolicy;
    }

    /** The {@code <host>} children, in document order; the list is live. */
    public List<DiskSourceHost> getHosts() {
        return hosts;
    }

    /** The per-device {@code <seclabel>} overrides; the list is live. */
    public List<DeviceSecLabel> getSeclabels() {
        return seclabels;
    }
}
