package dev.vireo.conf.model;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;
import jakarta.xml.bind.annotation.adapters.XmlJavaTypeAdapter;
import java.util.ArrayList;
import java.util.List;

/** VLAN tags of an interface: {@code <vlan>}. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {"tags"})
public class Vlan {
    @XmlAttribute(name = "trunk")
    @XmlJavaTypeAdapter(YesNoAdapter.class)
    private Boolean trunk;

    @XmlElement(name = "tag")
    private final List<VlanTag> tags = new ArrayList<>();

    /** {@code @trunk}, or {@code null} when absent. */
    public Boolean getTrunk() {
        return trunk;
    }

    public void setTrunk(Boolean trunk) {
        this.trunk = trunk;
    }

    /** The {@code <tag>} children, in document order; the list is live. */
    public List<VlanTag> getTags() {
        return tags;
    }
}
