package dev.vireo.conf.model;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;
import jakarta.xml.bind.annotation.adapters.XmlJavaTypeAdapter;

/** A paravirtual random number generator: {@code <rng>}. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {"rate", "backend", "alias", "address"})
public class Rng extends Device {
    @XmlAttribute(name = "model")
    @XmlJavaTypeAdapter(RngModel.Adapter.class)
    private RngModel model;

    @XmlElement(name = "rate")
    private RngRate rate;

    @XmlElement(name = "backend")
    private RngBackend backend;

    /** {@code @model}, or {@code null} when absent. */
    public RngModel getModel() {
        return model;
    }

    public void setModel(RngModel model) {
        this.model = model;
    }

    /** {@code <rate>}, or {@code null} when absent. */
    public RngRate getRate() {
        return rate;
    }

    public void setRate(RngRate rate) {
        this.rate = rate;
    }

    /** {@code <backend>}, or {@code null} when absent. */
    public RngBackend getBackend() {
        return backend;
    }

    public void setBackend(RngBackend backend) {
        this.backend = backend;
    }
}
