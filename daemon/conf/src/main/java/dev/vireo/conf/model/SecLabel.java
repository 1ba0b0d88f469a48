package dev.vireo.conf.model;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;
import jakarta.xml.bind.annotation.adapters.XmlJavaTypeAdapter;

/** Security label: {@code <seclabel>}. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {"label", "imagelabel", "baselabel"})
public class SecLabel {
    @XmlAttribute(name = "type")
    @XmlJavaTypeAdapter(SecLabelType.Adapter.class)
    private SecLabelType type;

    @XmlAttribute(name = "model")
    private String model;

    @XmlAttribute(name = "relabel")
    @XmlJavaTypeAdapter(YesNoAdapter.class)
    private Boolean relabel;

    @XmlElement(name = "label")
    private String label;

    @XmlElement(name = "imagelabel")
    private String imagelabel;

    @XmlElement(name = "baselabel")
    private String baselabel;

    /** {@code @type}, or {@code null} when absent. */
    public SecLabelType getType() {
        return type;
    }

    public void setType(SecLabelType type) {
        this.type = type;
    }

    /** {@code @model}, or {@code null} when absent. */
    public String getModel() {
        return model;
    }

    public void setModel(String model) {
        this.model = model;
    }

    /** {@code @relabel}, or {@code null} when absent. */
    public Boolean getRelabel() {
        return relabel;
    }

    public void setRelabel(Boolean relabel) {
        this.relabel = relabel;
    }

    /** {@code <label>}, or {@code null} when absent. */
    public String getLabel() {
        return label;
    }

    public void setLabel(String label) {
        this.label = label;
    }

    /** {@code <imagelabel>}, or {@code null} when absent. */
    public String getImagelabel() {
        return imagelabel;
    }

    public void setImagelabel(String imagelabel) {
        this.imagelabel = imagelabel;
    }

    /** {@code <baselabel>}, or {@code null} when absent. */
    public String getBaselabel() {
        return baselabel;
    }

    public void setBaselabel(String baselabel) {
        this.baselabel = baselabel;
    }
}
