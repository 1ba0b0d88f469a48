package dev.vireo.conf.model;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

/** A virtio socket device for host-guest communication: {@code <vsock model>}. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {"cid", "alias", "address"})
public class Vsock extends Device {
    @XmlAttribute(name = "model")
    private String model;

    @XmlElement(name = "cid")
    private VsockCid cid;

    /** {@code @model} (virtio, virtio-transitional, virtio-non-transitional), or {@code null} when absent. */
    public String getModel() {
        return model;
    }

    public void setModel(String model) {
        this.model = model;
    }

    /** {@code <cid>}, or {@code null} when absent. */
    public VsockCid getCid() {
        return cid;
    }

    public void setCid(VsockCid cid) {
        this.cid = cid;
    }
}
