package dev.vireo.conf.model;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;
import java.util.ArrayList;
import java.util.List;

/** A NUMA cell's distances to the cells: {@code <cell><distances>}. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {"siblings"})
public class NumaDistances {
    @XmlElement(name = "sibling")
    private final List<NumaSibling> siblings = new ArrayList<>();

    /** The {@code <sibling>} children, in document order; the list is live. */
    public List<NumaSibling> getSiblings() {
        return siblings;
    }
}
