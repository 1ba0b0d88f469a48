package dev.vireo.conf.model;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;
import jakarta.xml.bind.annotation.adapters.XmlJavaTypeAdapter;

/** A trusted platform module: {@code <tpm>}. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {"backend", "alias", "address"})
public class Tpm extends Device {
    @XmlAttribute(name = "model")
    @XmlJavaTypeAdapter(TpmModel.Adapter.class)
    private TpmModel model;

    @XmlElement(name = "backend")
    private TpmBackend backend;

    /** {@code @model}, or {@code null} when absent. */
    public TpmModel getModel() {
        return model;
    }

    public void setModel(TpmModel model) {
        this.model = model;
    }

    /** {@code <backend>}, or {@code null} when absent. */
    public TpmBackend getBackend() {
        return backend;
    }

    public void setBackend(TpmBackend backend) {
        this.backend = backend;
    }
}
