package dev.vireo.conf.model;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;
import jakarta.xml.bind.annotation.adapters.XmlJavaTypeAdapter;

/** A vsock device's context id: {@code <vsock><cid auto address>}. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {})
public class VsockCid {
    @XmlAttribute(name = "auto")
    @XmlJavaTypeAdapter(YesNoAdapter.class)
    private Boolean auto;

    @XmlAttribute(name = "address")
    private Long address;

    /** {@code @auto}: pick a free id at start, or {@code null} when absent. */
    public Boolean getAuto() {
        return auto;
    }

    public void setAuto(Boolean auto) {
        this.auto = auto;
    }

    /** {@code @address}: the id (3 or more), or {@code null} when absent. */
    public Long getAddress() {
        return address;
    }

    public void setAddress(Long address) {
        this.address = address;
    }
}
