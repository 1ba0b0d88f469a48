package dev.vireo.conf.model;

/** Host device assignment mode: {@code <hostdev mode>}. */
public enum HostdevMode implements XmlSpelled {
    SUBSYSTEM("subsystem"),
    CAPABILITIES("capabilities");

    private final String xml;

    HostdevMode(String xml) {
        this.xml = xml;
    }

    @Override
    public String xml() {
        return xml;
    }

    /** The constant spelled {@code xml} in the domain XML, or an exception naming the allowed spellings. */
    public static HostdevMode fromXml(String xml) {
        return XmlSpelled.parse(HostdevMode.class, xml);
    }

    /** Binds the XML spelling; an unknown spelling becomes a located problem instead of a silent null. */
    public static final class Adapter extends XmlSpelledAdapter<HostdevMode> {
        public Adapter() {
            super(HostdevMode.class);
        }
    }
}
