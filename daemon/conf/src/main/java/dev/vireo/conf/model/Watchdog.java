package dev.vireo.conf.model;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;
import jakarta.xml.bind.annotation.adapters.XmlJavaTypeAdapter;

/** A watchdog device: {@code <watchdog>}. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {"alias", "address"})
public class Watchdog extends Device {
    @XmlAttribute(name = "model")
    @XmlJavaTypeAdapter(WatchdogModel.Adapter.class)
    private WatchdogModel model;

    @XmlAttribute(name = "action")
    @XmlJavaTypeAdapter(WatchdogAction.Adapter.class)
    private WatchdogAction action;

    /** {@code @model}, or {@code null} when absent. */
    public WatchdogModel getModel() {
        return model;
    }

    public void setModel(WatchdogModel model) {
        this.model = model;
    }

    /** {@code @action}, or {@code null} when absent. */
    public WatchdogAction getAction() {
        return action;
    }

    public void setAction(WatchdogAction action) {
        this.action = action;
    }
}
