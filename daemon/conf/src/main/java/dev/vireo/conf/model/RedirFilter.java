package dev.vireo.conf.model;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;
import java.util.ArrayList;
import java.util.List;

/** The rules for which USB devices may be redirected into the guest: {@code <redirfilter>}. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {"usbdevs"})
public class RedirFilter {
    @XmlElement(name = "usbdev")
    private final List<RedirFilterUsbDev> usbdevs = new ArrayList<>();

    /** The {@code <usbdev>} rules, first match wins, in document order; the list is live. */
    public List<RedirFilterUsbDev> getUsbdevs() {
        return usbdevs;
    }
}
