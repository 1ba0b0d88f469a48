package dev.vireo.conf.model;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;
import jakarta.xml.bind.annotation.adapters.XmlJavaTypeAdapter;

/** SPICE clipboard sharing: {@code <clipboard copypaste>}. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {})
public class SpiceClipboard {
    @XmlAttribute(name = "copypaste")
    @XmlJavaTypeAdapter(YesNoAdapter.class)
    private Boolean copypaste;

    /** {@code @copypaste}, or {@code null} when absent. */
    public Boolean getCopypaste() {
        return copypaste;
    }

    public void setCopypaste(Boolean copypaste) {
        this.copypaste = copypaste;
    }
}
