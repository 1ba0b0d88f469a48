package dev.vireo.conf.model;

/** Security of a SPICE channel: {@code <channel mode>} and {@code defaultMode}. */
public enum SpiceChannelMode implements XmlSpelled {
    ANY("any"),
    SECURE("secure"),
    INSECURE("insecure");

    private final String xml;

    SpiceChannelMode(String xml) {
        this.xml = xml;
    }

    @Override
    public String xml() {
        return xml;
    }

    /** The constant spelled {@code xml} in the domain XML, or an exception naming the allowed spellings. */
    public static SpiceChannelMode fromXml(String xml) {
        return XmlSpelled.parse(SpiceChannelMode.class, xml);
    }

    /** Binds the XML spelling; an unknown spelling becomes a located problem instead of a silent null. */
    public static final class Adapter extends XmlSpelledAdapter<SpiceChannelMode> {
        public Adapter() {
            super(SpiceChannelMode.class);
        }
    }
}
