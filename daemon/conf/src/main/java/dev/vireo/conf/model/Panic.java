package dev.vireo.conf.model;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;
import jakarta.xml.bind.annotation.adapters.XmlJavaTypeAdapter;

/** A panic notifier the guest signals a crash through: {@code <panic>}. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {"alias", "address"})
public class Panic extends Device {
    @XmlAttribute(name = "model")
    @XmlJavaTypeAdapter(PanicModel.Adapter.class)
    private PanicModel model;

    /** {@code @model}, or {@code null} when absent. */
    public PanicModel getModel() {
        return model;
    }

    public void setModel(PanicModel model) {
        this.model = model;
    }
}
