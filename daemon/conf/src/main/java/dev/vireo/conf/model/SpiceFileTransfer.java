package dev.vireo.conf.model;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;
import jakarta.xml.bind.annotation.adapters.XmlJavaTypeAdapter;

/** Whether SPICE clients may send files to the guest: {@code <filetransfer enable>}. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {})
public class SpiceFileTransfer {
    @XmlAttribute(name = "enable")
    @XmlJavaTypeAdapter(YesNoAdapter.class)
    private Boolean enable;

    /** {@code @enable}, or {@code null} when absent. */
    public Boolean getEnable() {
        return enable;
    }

    public void setEnable(Boolean enable) {
        this.enable = enable;
    }
}
