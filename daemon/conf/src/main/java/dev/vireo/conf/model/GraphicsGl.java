package dev.vireo.conf.model;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;
import jakarta.xml.bind.annotation.adapters.XmlJavaTypeAdapter;

/** OpenGL acceleration of a display: {@code <graphics><gl enable rendernode>}. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {})
public class GraphicsGl {
    @XmlAttribute(name = "enable")
    @XmlJavaTypeAdapter(YesNoAdapter.class)
    private Boolean enable;

    @XmlAttribute(name = "rendernode")
    private String rendernode;

    /** {@code @enable}, or {@code null} when absent. */
    public Boolean getEnable() {
        return enable;
    }

    public void setEnable(Boolean enable) {
        this.enable = enable;
    }

    /** {@code @rendernode}: the host DRM render node, or {@code null} when absent. */
    public String getRendernode() {
        return rendernode;
    }

    public void setRendernode(String rendernode) {
        this.rendernode = rendernode;
    }
}
