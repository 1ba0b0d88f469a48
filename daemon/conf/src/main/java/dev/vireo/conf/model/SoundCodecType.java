package dev.vireo.conf.model;

/** Codec of an ich6 sound card: {@code <codec type>}. */
public enum SoundCodecType implements XmlSpelled {
    DUPLEX("duplex"),
    MICRO("micro"),
    OUTPUT("output");

    private final String xml;

    SoundCodecType(String xml) {
        this.xml = xml;
    }

    @Override
    public String xml() {
        return xml;
    }

    /** The constant spelled {@code xml} in the domain XML, or an exception naming the allowed spellings. */
    public static SoundCodecType fromXml(String xml) {
        return XmlSpelled.parse(SoundCodecType.class, xml);
    }

    /** Binds the XML spelling; an unknown spelling becomes a located problem instead of a silent null. */
    public static final class Adapter extends XmlSpelledAdapter<SoundCodecType> {
        public Adapter() {
            super(SoundCodecType.class);
        }
    }
}
