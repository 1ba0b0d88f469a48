package dev.vireo.conf.model;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;
import jakarta.xml.bind.annotation.adapters.XmlJavaTypeAdapter;

/**
 * One rule of a {@code <redirfilter>}: {@code <usbdev class='0x08' vendor='0x15E1' product='0x2007'
 * version='1.10' allow='yes'/>}. An absent attribute, or {@code -1}, matches any value.
 */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {})
public class RedirFilterUsbDev {
    @XmlAttribute(name = "class")
    private String usbClass;

    @XmlAttribute(name = "vendor")
    private String vendor;

    @XmlAttribute(name = "product")
    private String product;

    @XmlAttribute(name = "version")
    private String version;

    @XmlAttribute(name = "allow")
    @XmlJavaTypeAdapter(YesNoAdapter.class)
    private Boolean allow;

    /** {@code @class} as written ({@code 0x08} or {@code -1}), or {@code null} when absent. */
    public String getUsbClass() {
        return usbClass;
    }

    /** {@code @vendor} as written ({@code 0x15E1} or {@code -1}), or {@code null} when absent. */
    public String getVendor() {
        return vendor;
    }

    /** {@code @product} as written ({@code 0x2007} or {@code -1}), or {@code null} when absent. */
    public String getProduct() {
        return product;
    }

    /** {@code @version} as written ({@code 1.10} or {@code -1}), or {@code null} when absent. */
    public String getVersion() {
        return version;
    }

    /** {@code @allow}, or {@code null} when absent. */
    public Boolean getAllow() {
        return allow;
    }
}
