package dev.vireo.conf.model;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;
import jakarta.xml.bind.annotation.adapters.XmlJavaTypeAdapter;

/** Video acceleration: {@code <acceleration>}. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {})
public class VideoAcceleration {
    @XmlAttribute(name = "accel3d")
    @XmlJavaTypeAdapter(YesNoAdapter.class)
    private Boolean accel3d;

    @XmlAttribute(name = "accel2d")
    @XmlJavaTypeAdapter(YesNoAdapter.class)
    private Boolean accel2d;

    /** {@code @accel3d}, or {@code null} when absent. */
    public Boolean getAccel3d() {
        return accel3d;
    }

    public void setAccel3d(Boolean accel3d) {
        this.accel3d = accel3d;
    }

    /** {@code @accel2d}, or {@code null} when absent. */
    public Boolean getAccel2d() {
        return accel2d;
    }

    public void setAccel2d(Boolean accel2d) {
        this.accel2d = accel2d;
    }
}
