package dev.vireo.conf.model;

/** How the guest clock relates to the host clock: {@code <clock offset>}. */
public enum ClockOffset implements XmlSpelled {
    UTC("utc"),
    LOCALTIME("localtime"),
    VARIABLE("variable"),
    TIMEZONE("timezone");

    private final String xml;

    ClockOffset(String xml) {
        this.xml = xml;
    }

    @Override
    public String xml() {
        return xml;
    }

    /** The constant spelled {@code xml} in the domain XML, or an exception naming the allowed spellings. */
    public static ClockOffset fromXml(String xml) {
        return XmlSpelled.parse(ClockOffset.class, xml);
    }

    /** Binds the XML spelling; an unknown spelling becomes a located problem instead of a silent null. */
    public static final class Adapter extends XmlSpelledAdapter<ClockOffset> {
        public Adapter() {
            super(ClockOffset.class);
        }
    }
}
