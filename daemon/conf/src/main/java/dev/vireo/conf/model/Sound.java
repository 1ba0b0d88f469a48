package dev.vireo.conf.model;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;
import jakarta.xml.bind.annotation.adapters.XmlJavaTypeAdapter;
import java.util.ArrayList;
import java.util.List;

/** A sound card: {@code <sound>}. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {"codecs", "audio", "alias", "address"})
public class Sound extends Device {
    @XmlAttribute(name = "model")
    @XmlJavaTypeAdapter(SoundModel.Adapter.class)
    private SoundModel model;

    @XmlElement(name = "audio")
    private AudioRef audio;

    @XmlElement(name = "codec")
    private final List<SoundCodec> codecs = new ArrayList<>();

    /** {@code @model}, or {@code null} when absent. */
    public SoundModel getModel() {
        return model;
    }

    public void setModel(SoundModel model) {
        this.model = model;
    }

    /** {@code <audio id>}: the backend this card plays through, or {@code null}. */
    public AudioRef getAudio() {
        return audio;
    }

    public void setAudio(AudioRef audio) {
        this.audio = audio;
    }

    /** The {@code <codec>} children, in document order; the list is live. */
    public List<SoundCodec> getCodecs() {
        return codecs;
    }
}
