package dev.vireo.conf.model;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;
import jakarta.xml.bind.annotation.adapters.XmlJavaTypeAdapter;

/** BIOS geometry of a disk: {@code <geometry>}. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {})
public class DiskGeometry {
    @XmlAttribute(name = "cyls")
    private Integer cyls;

    @XmlAttribute(name = "heads")
    private Integer heads;

    @XmlAttribute(name = "secs")
    private Integer secs;

    @XmlAttribute(name = "trans")
    @XmlJavaTypeAdapter(GeometryTranslation.Adapter.class)
    private GeometryTranslation trans;

    /** {@code @cyls}, or {@code null} when absent. */
    public Integer getCyls() {
        return cyls;
    }

    public void setCyls(Integer cyls) {
        this.cyls = cyls;
    }

    /** {@code @heads}, or {@code null} when absent. */
    public Integer getHeads() {
        return heads;
    }

    public void setHeads(Integer heads) {
        this.heads = heads;
    }

    /** {@code @secs}, or {@code null} when absent. */
    public Integer getSecs() {
        return secs;
    }

    public void setSecs(Integer secs) {
        this.secs = secs;
    }

    /** {@code @trans}, or {@code null} when absent. */
    public GeometryTranslation getTrans() {
        return trans;
    }

    public void setTrans(GeometryTranslation trans) {
        this.trans = trans;
    }
}
