package dev.vireo.conf.model;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;

/** Parameters of a virtual port profile: {@code <virtualport><parameters>}. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {})
public class VirtualPortParameters {
    @XmlAttribute(name = "managerid")
    private String managerid;

    @XmlAttribute(name = "typeid")
    private String typeid;

    @XmlAttribute(name = "typeidversion")
    private String typeidversion;

    @XmlAttribute(name = "instanceid")
    private String instanceid;

    @XmlAttribute(name = "interfaceid")
    private String interfaceid;

    @XmlAttribute(name = "profileid")
    private String profileid;

    /** {@code @managerid}, or {@code null} when absent. */
    public String getManagerid() {
        return managerid;
    }

    public void setManagerid(String managerid) {
        this.managerid = managerid;
    }

    /** {@code @typeid}, or {@code null} when absent. */
    public String getTypeid() {
        return typeid;
    }

    public void setTypeid(String typeid) {
        this.typeid = typeid;
    }

    /** {@code @typeidversion}, or {@code null} when absent. */
    public String getTypeidversion() {
        return typeidversion;
    }

    public void setTypeidversion(String typeidversion) {
        this.typeidversion = typeidversion;
    }

    /** {@code @instanceid}, or {@code null} when absent. */
    public String getInstanceid() {
        return instanceid;
    }

    public void setInstanceid(String instanceid) {
        this.instanceid = instanceid;
    }

    /** {@code @interfaceid}, or {@code null} when absent. */
    public String getInterfaceid() {
        return interfaceid;
    }

    public void setInterfaceid(String interfaceid) {
        this.interfaceid = interfaceid;
    }

    /** {@code @profileid}, or {@code null} when absent. */
    public String getProfileid() {
        return profileid;
    }

    public void setProfileid(String profileid) {
        this.profileid = profileid;
    }
}
