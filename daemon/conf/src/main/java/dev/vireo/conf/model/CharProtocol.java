package dev.vireo.conf.model;

/** Wire protocol of a TCP character device: {@code <protocol type>}. */
public enum CharProtocol implements XmlSpelled {
    RAW("raw"),
    TELNET("telnet"),
    TELNETS("telnets"),
    TLS("tls");

    private final String xml;

    CharProtocol(String xml) {
        this.xml = xml;
    }

    @Override
    public String xml() {
        return xml;
    }

    /** The constant spelled {@code xml} in the domain XML, or an exception naming the allowed spellings. */
    public static CharProtocol fromXml(String xml) {
        return XmlSpelled.parse(CharProtocol.class, xml);
    }

    /** Binds the XML spelling; an unknown spelling becomes a located problem instead of a silent null. */
    public static final class Adapter extends XmlSpelledAdapter<CharProtocol> {
        public Adapter() {
            super(CharProtocol.class);
        }
    }
}
