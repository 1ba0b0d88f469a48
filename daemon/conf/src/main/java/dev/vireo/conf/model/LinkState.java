package dev.vireo.conf.model;

/** NIC link state: {@code <link state>}. */
public enum LinkState implements XmlSpelled {
    DEFAULT("default"),
    UP("up"),
    DOWN("down");

    private final String xml;

    LinkState(String xml) {
        this.xml = xml;
    }

    @Override
    public String xml() {
        return xml;
    }

    /** The constant spelled {@code xml} in the domain XML, or an exception naming the allowed spellings. */
    public static LinkState fromXml(String xml) {
        return XmlSpelled.parse(LinkState.class, xml);
    }

    /** Binds the XML spelling; an unknown spelling becomes a located problem instead of a silent null. */
    public static final class Adapter extends XmlSpelledAdapter<LinkState> {
        public Adapter() {
            super(LinkState.class);
        }
    }
}
