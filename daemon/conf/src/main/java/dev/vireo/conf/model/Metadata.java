package dev.vireo.conf.model;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAnyElement;
import jakarta.xml.bind.annotation.XmlType;
import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Element;

/**
 * Applications' own data about a domain: {@code <metadata>}. Each child is another application's
 * namespaced element, kept as a DOM element and written back unchanged.
 */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {"elements"})
public class Metadata {
    @XmlAnyElement
    private final List<Element> elements = new ArrayList<>();

    /** The application elements, in document order; the list is live. */
    public List<Element> getElements() {
        return elements;
    }
}
