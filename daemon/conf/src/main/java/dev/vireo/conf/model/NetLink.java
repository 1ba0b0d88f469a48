package dev.vireo.conf.model;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;
import jakarta.xml.bind.annotation.adapters.XmlJavaTypeAdapter;

/** Link state of an interface: {@code <link state>}. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {})
public class NetLink {
    @XmlAttribute(name = "state")
    @XmlJavaTypeAdapter(LinkState.Adapter.class)
    private LinkState state;

    /** {@code @state}, or {@code null} when absent. */
    public LinkState getState() {
        return state;
    }

    public void setState(LinkState state) {
        this.state = state;
    }
}
