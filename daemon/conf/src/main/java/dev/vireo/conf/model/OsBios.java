package dev.vireo.conf.model;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;
import jakarta.xml.bind.annotation.adapters.XmlJavaTypeAdapter;

/** BIOS options: {@code <os><bios>}. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {})
public class OsBios {
    @XmlAttribute(name = "useserial")
    @XmlJavaTypeAdapter(YesNoAdapter.class)
    private Boolean useserial;

    @XmlAttribute(name = "rebootTimeout")
    private Integer rebootTimeout;

    /** {@code @useserial}, or {@code null} when absent. */
    public Boolean getUseserial() {
        return useserial;
    }

    public void setUseserial(Boolean useserial) {
        this.useserial = useserial;
    }

    /** {@code @rebootTimeout}, or {@code null} when absent. */
    public Integer getRebootTimeout() {
        return rebootTimeout;
    }

    public void setRebootTimeout(Integer rebootTimeout) {
        this.rebootTimeout = rebootTimeout;
    }
}
