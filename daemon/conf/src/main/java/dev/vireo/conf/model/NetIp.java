package dev.vireo.conf.model;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;

/** IP address of an ethernet interface: {@code <ip address>}. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {})
public class NetIp {
    @XmlAttribute(name = "address")
    private String address;

    @XmlAttribute(name = "prefix")
    private Integer prefix;

    /** {@code @address}, or {@code null} when absent. */
    public String getAddress() {
        return address;
    }

    public void setAddress(String address) {
        this.address = address;
    }

    /** {@code @prefix}, or {@code null} when absent. */
    public Integer getPrefix() {
        return prefix;
    }

    public void setPrefix(Integer prefix) {
        this.prefix = prefix;
    }
}
