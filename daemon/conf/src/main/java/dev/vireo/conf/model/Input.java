package dev.vireo.conf.model;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;
import jakarta.xml.bind.annotation.adapters.XmlJavaTypeAdapter;

/** An input device: {@code <input>}. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {"alias", "address"})
public class Input extends Device {
    @XmlAttribute(name = "type")
    @XmlJavaTypeAdapter(InputType.Adapter.class)
    private InputType type;

    @XmlAttribute(name = "bus")
    @XmlJavaTypeAdapter(InputBus.Adapter.class)
    private InputBus bus;

    /** {@code @type}, or {@code null} when absent. */
    public InputType getType() {
        return type;
    }

    public void setType(InputType type) {
        this.type = type;
    }

    /** {@code @bus}, or {@code null} when absent. */
    public InputBus getBus() {
        return bus;
    }

    public void setBus(InputBus bus) {
        this.bus = bus;
    }
}
