package dev.vireo.conf.model;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

/** A video card: {@code <video>}. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {"model", "alias", "address"})
public class Video extends Device {
    @XmlElement(name = "model")
    private VideoModelElement model;

    /** {@code <model>}, or {@code null} when absent. */
    public VideoModelElement getModel() {
        return model;
    }

    public void setModel(VideoModelElement model) {
        this.model = model;
    }
}
