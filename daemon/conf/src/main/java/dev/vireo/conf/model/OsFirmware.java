package dev.vireo.conf.model;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;
import java.util.ArrayList;
import java.util.List;

/** Properties the picked firmware must have: {@code <os><firmware>}. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {"features"})
public class OsFirmware {
    @XmlElement(name = "feature")
    private final List<FirmwareFeature> features = new ArrayList<>();

    /** The {@code <feature>} children, in document order; the list is live. */
    public List<FirmwareFeature> getFeatures() {
        return features;
    }
}
