package dev.vireo.conf.model;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;
import jakarta.xml.bind.annotation.adapters.XmlJavaTypeAdapter;

/** A per-device override of the domain's security label: {@code <source><seclabel>} of a disk or character device. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {"label"})
public class DeviceSecLabel {
    @XmlAttribute(name = "model")
    private String model;

    @XmlAttribute(name = "relabel")
    @XmlJavaTypeAdapter(YesNoAdapter.class)
    private Boolean relabel;

    @XmlElement(name = "label")
    private String label;

    /** {@code @model}, or {@code null} for every security driver. */
    public String getModel() {
        return model;
    }

    public void setModel(String model) {
        this.model = model;
    }

    /** {@code @relabel}; libvirt prints it always, {@code yes} unless turned off. */
    public Boolean getRelabel() {
        return relabel;
    }

    public void setRelabel(Boolean relabel) {
        this.relabel = relabel;
    }

    /** {@code <label>}, or {@code null}. */
    public String getLabel() {
        return label;
    }

    public void setLabel(String label) {
        this.label = label;
    }
}
