package dev.vireo.conf.model;

/** How a smartcard is provided: {@code <smartcard mode>}. */
public enum SmartcardMode implements XmlSpelled {
    HOST("host"),
    HOST_CERTIFICATES("host-certificates"),
    PASSTHROUGH("passthrough");

    private final String xml;

    SmartcardMode(String xml) {
        this.xml = xml;
    }

    @Override
    public String xml() {
        return xml;
    }

    /** The constant spelled {@code xml} in the domain XML, or an exception naming the allowed spellings. */
    public static SmartcardMode fromXml(String xml) {
        return XmlSpelled.parse(SmartcardMode.class, xml);
    }

    /** Binds the XML spelling; an unknown spelling becomes a located problem instead of a silent null. */
    public static final class Adapter extends XmlSpelledAdapter<SmartcardMode> {
        public Adapter() {
            super(SmartcardMode.class);
        }
    }
}
