package dev.vireo.conf.model;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;
import java.util.ArrayList;
import java.util.List;

/** Network filter applied to an interface: {@code <filterref filter>}. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {"parameters"})
public class FilterRef {
    @XmlAttribute(name = "filter")
    private String filter;

    @XmlElement(name = "parameter")
    private final List<FilterParameter> parameters = new ArrayList<>();

    /** {@code @filter}, or {@code null} when absent. */
    public String getFilter() {
        return filter;
    }

    public void setFilter(String filter) {
        this.filter = filter;
    }

    /** The {@code <parameter>} children, in document order; the list is live. */
    public List<FilterParameter> getParameters() {
        return parameters;
    }
}
