package dev.vireo.conf.model;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;

/** Distance from a NUMA cell to another: {@code <distances><sibling id value>}. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {})
public class NumaSibling {
    @XmlAttribute(name = "id")
    private Integer id;

    @XmlAttribute(name = "value")
    private Integer value;

    /** {@code @id} of the other cell, or {@code null} when absent. */
    public Integer getId() {
        return id;
    }

    public void setId(Integer id) {
        this.id = id;
    }

    /** {@code @value}: the distance, or {@code null} when absent. */
    public Integer getValue() {
        return value;
    }

    public void setValue(Integer value) {
        this.value = value;
    }
}
