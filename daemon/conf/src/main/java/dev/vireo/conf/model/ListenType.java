package dev.vireo.conf.model;

/** How a graphics listen address is given: {@code <listen type>}. */
public enum ListenType implements XmlSpelled {
    ADDRESS("address"),
    NETWORK("network"),
    /** no network listener at all (a display reached only through the daemon) */
    NONE("none");

    private final String xml;

    ListenType(String xml) {
        this.xml = xml;
    }

    @Override
    public String xml() {
        return xml;
    }

    /** The constant spelled {@code xml} in the domain XML, or an exception naming the allowed spellings. */
    public static ListenType fromXml(String xml) {
        return XmlSpelled.parse(ListenType.class, xml);
    }

    /** Binds the XML spelling; an unknown spelling becomes a located problem instead of a silent null. */
    public static final class Adapter extends XmlSpelledAdapter<ListenType> {
        public Adapter() {
            super(ListenType.class);
        }
    }
}
