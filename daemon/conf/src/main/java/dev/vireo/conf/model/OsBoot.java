package dev.vireo.conf.model;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;
import jakarta.xml.bind.annotation.adapters.XmlJavaTypeAdapter;

/** One BIOS boot device: {@code <os><boot dev>}. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {})
public class OsBoot {
    @XmlAttribute(name = "dev")
    @XmlJavaTypeAdapter(BootDevice.Adapter.class)
    private BootDevice dev;

    /** {@code @dev}, or {@code null} when absent. */
    public BootDevice getDev() {
        return dev;
    }

    public void setDev(BootDevice dev) {
        this.dev = dev;
    }
}
