package dev.vireo.conf.model;

import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;
import jakarta.xml.bind.annotation.adapters.XmlJavaTypeAdapter;

/** One Hyper-V enlightenment switched on or off: {@code <relaxed state='on'/>}. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {"direct"})
public class HyperVFeature {
    @XmlAttribute(name = "state")
    @XmlJavaTypeAdapter(OnOffAdapter.class)
    private Boolean state;

    @XmlAttribute(name = "retries")
    private Integer retries;

    @XmlAttribute(name = "value")
    private String value;

    @XmlElement(name = "direct")
    private HyperVFeature direct;

    /** {@code @state}, or {@code null}. */
    public Boolean getState() {
        return state;
    }

    public void setState(Boolean state) {
        this.state = state;
    }

    /** {@code @retries} of {@code <spinlocks>}, or {@code null} when absent. */
    public Integer getRetries() {
        return retries;
    }

    public void setRetries(Integer retries) {
        this.retries = retries;
    }

    /** {@code @value} of {@code <vendor_id>}, or {@code null} when absent. */
    public String getValue() {
        return value;
    }

    public void setValue(String value) {
        this.value = value;
    }

    /** {@code <direct state>} inside {@code <stimer>}, or {@code null} when absent. */
    public HyperVFeature getDirect() {
        return direct;
    }

    public void setDirect(HyperVFeature direct) {
        this.direct = direct;
    }
}
