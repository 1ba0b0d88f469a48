package dev.vireo.conf.model;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;

/** A video card's initial resolution: {@code <model><resolution x y>}. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {})
public class VideoResolution {
    @XmlAttribute(name = "x")
    private Integer x;

    @XmlAttribute(name = "y")
    private Integer y;

    /** {@code @x} in pixels, or {@code null} when absent. */
    public Integer getX() {
        return x;
    }

    public void setX(Integer x) {
        this.x = x;
    }

    /** {@code @y} in pixels, or {@code null} when absent. */
    public Integer getY() {
        return y;
    }

    public void setY(Integer y) {
        this.y = y;
    }
}
