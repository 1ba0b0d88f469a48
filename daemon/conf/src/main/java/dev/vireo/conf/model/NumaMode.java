package dev.vireo.conf.model;

/** NUMA memory policy: {@code <numatune><memory mode>}. */
public enum NumaMode implements XmlSpelled {
    STRICT("strict"),
    PREFERRED("preferred"),
    INTERLEAVE("interleave");

    private final String xml;

    NumaMode(String xml) {
        this.xml = xml;
    }

    @Override
    public String xml() {
        return xml;
    }

    /** The constant spelled {@code xml} in the domain XML, or an exception naming the allowed spellings. */
    public static NumaMode fromXml(String xml) {
        return XmlSpelled.parse(NumaMode.class, xml);
    }

    /** Binds the XML spelling; an unknown spelling becomes a located problem instead of a silent null. */
    public static final class Adapter extends XmlSpelledAdapter<NumaMode> {
        public Adapter() {
            super(NumaMode.class);
        }
    }
}
