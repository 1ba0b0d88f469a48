package dev.vireo.conf.model;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;
import jakarta.xml.bind.annotation.adapters.XmlJavaTypeAdapter;

/** One codec of an ich6 sound card: {@code <codec type>}. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {})
public class SoundCodec {
    @XmlAttribute(name = "type")
    @XmlJavaTypeAdapter(SoundCodecType.Adapter.class)
    private SoundCodecType type;

    /** {@code @type}, or {@code null} when absent. */
    public SoundCodecType getType() {
        return type;
    }

    public void setType(SoundCodecType type) {
        this.type = type;
    }
}
