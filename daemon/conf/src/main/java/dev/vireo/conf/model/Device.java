package dev.vireo.conf.model;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlTransient;
import jakarta.xml.bind.annotation.adapters.XmlJavaTypeAdapter;

/**
 * What every device has: a runtime alias and a guest address. {@code @XmlTransient} folds these fields
 * into each device class, so each can place them last, where libvirt writes them.
 */
@XmlTransient
@XmlAccessorType(XmlAccessType.FIELD)
public abstract class Device {
    @XmlElement(name = "alias")
    @XmlJavaTypeAdapter(LiveOnly.OfDeviceAlias.class)
    private DeviceAlias alias;

    @XmlElement(name = "address")
    private Address address;

    /** {@code <alias>} (live XML only), or {@code null}. */
    public DeviceAlias getAlias() {
        return alias;
    }

    public void setAlias(DeviceAlias alias) {
        this.alias = alias;
    }

    /** {@code <address>}, or {@code null} while none is given or assigned. */
    public Address getAddress() {
        return address;
    }

    public void setAddress(Address address) {
        this.address = address;
    }
}
