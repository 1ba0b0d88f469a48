package dev.vireo.conf.model;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;
import jakarta.xml.bind.annotation.XmlValue;
import jakarta.xml.bind.annotation.adapters.XmlJavaTypeAdapter;

/** The firmware image: {@code <os><loader readonly type secure>PATH</loader>}. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {})
public class OsLoader {
    @XmlAttribute(name = "readonly")
    @XmlJavaTypeAdapter(YesNoAdapter.class)
    private Boolean readonly;

    @XmlAttribute(name = "secure")
    @XmlJavaTypeAdapter(YesNoAdapter.class)
    private Boolean secure;

    @XmlAttribute(name = "type")
    @XmlJavaTypeAdapter(LoaderType.Adapter.class)
    private LoaderType type;

    @XmlValue
    private String path;

    /** {@code @readonly}, or {@code null} when absent. */
    public Boolean getReadonly() {
        return readonly;
    }

    public void setReadonly(Boolean readonly) {
        this.readonly = readonly;
    }

    /** {@code @secure}: the firmware has Secure Boot, or {@code null} when absent. */
    public Boolean getSecure() {
        return secure;
    }

    public void setSecure(Boolean secure) {
        this.secure = secure;
    }

    /** {@code @type}, or {@code null} when absent. */
    public LoaderType getType() {
        return type;
    }

    public void setType(LoaderType type) {
        this.type = type;
    }

    /** The image path (the text), or {@code null} when absent. */
    public String getPath() {
        return path;
    }

    public void setPath(String path) {
        this.path = path;
    }
}
