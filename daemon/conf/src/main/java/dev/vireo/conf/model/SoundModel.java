package dev.vireo.conf.model;

/** Sound card model: {@code <sound model>}. */
public enum SoundModel implements XmlSpelled {
    SB16("sb16"),
    ES1370("es1370"),
    PCSPK("pcspk"),
    AC97("ac97"),
    ICH6("ich6"),
    ICH7("ich7"),
    ICH9("ich9"),
    USB("usb");

    private final String xml;

    SoundModel(String xml) {
        this.xml = xml;
    }

    @Override
    public String xml() {
        return xml;
    }

    /** The constant spelled {@code xml} in the domain XML, or an exception naming the allowed spellings. */
    public static SoundModel fromXml(String xml) {
        return XmlSpelled.parse(SoundModel.class, xml);
    }

    /** Binds the XML spelling; an unknown spelling becomes a located problem instead of a silent null. */
    public static final class Adapter extends XmlSpelledAdapter<SoundModel> {
        public Adapter() {
            super(SoundModel.class);
        }
    }
}
