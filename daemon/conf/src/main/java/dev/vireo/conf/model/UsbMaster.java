package dev.vireo.conf.model;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;

/** The EHCI controller a USB companion controller belongs to: {@code <master startport>}. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {})
public class UsbMaster {
    @XmlAttribute(name = "startport")
    private Integer startport;

    /** {@code @startport}, or {@code null} when absent. */
    public Integer getStartport() {
        return startport;
    }

    public void setStartport(Integer startport) {
        this.startport = startport;
    }
}
