package dev.vireo.conf.model;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;
import jakarta.xml.bind.annotation.adapters.XmlJavaTypeAdapter;

/** How the guest sees a disk: {@code <disk><target>}. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {})
public class DiskTarget {
    @XmlAttribute(name = "dev")
    private String dev;

    @XmlAttribute(name = "bus")
    @XmlJavaTypeAdapter(DiskBus.Adapter.class)
    private DiskBus bus;

    @XmlAttribute(name = "tray")
    @XmlJavaTypeAdapter(DiskTray.Adapter.class)
    private DiskTray tray;

    /** {@code @dev}, or {@code null} when absent. */
    public String getDev() {
        return dev;
    }

    public void setDev(String dev) {
        this.dev = dev;
    }

    /** {@code @bus}, or {@code null} when absent. */
    public DiskBus getBus() {
        return bus;
    }

    public void setBus(DiskBus bus) {
        this.bus = bus;
    }

    /** {@code @tray}, or {@code null} when absent. */
    public DiskTray getTray() {
        return tray;
    }

    public void setTray(DiskTray tray) {
        this.tray = tray;
    }
}
