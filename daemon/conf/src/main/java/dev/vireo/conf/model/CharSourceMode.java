package dev.vireo.conf.model;

/** Direction of a socket character device: {@code <source mode>}. */
public enum CharSourceMode implements XmlSpelled {
    BIND("bind"),
    CONNECT("connect");

    private final String xml;

    CharSourceMode(String xml) {
        this.xml = xml;
    }

    @Override
    public String xml() {
        return xml;
    }

    /** The constant spelled {@code xml} in the domain XML, or an exception naming the allowed spellings. */
    public static CharSourceMode fromXml(String xml) {
        return XmlSpelled.parse(CharSourceMode.class, xml);
    }

    /** Binds the XML spelling; an unknown spelling becomes a located problem instead of a silent null. */
    public static final class Adapter extends XmlSpelledAdapter<CharSourceMode> {
        public Adapter() {
            super(CharSourceMode.class);
        }
    }
}
