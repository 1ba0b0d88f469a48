package dev.vireo.conf.model;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;
import jakarta.xml.bind.annotation.adapters.XmlJavaTypeAdapter;

/** One Hyper-V enlightenment switched on or off: {@code <relaxed state='on'/>}. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {})
public class HyperVFeature {
    @XmlAttribute(name = "state")
    @XmlJavaTypeAdapter(OnOffAdapter.class)
    private Boolean state;

    /** {@code @state}, or {@code null}. */
    public Boolean getState() {
        return state;
    }

    public void setState(Boolean state) {
        this.state = state;
    }
}
