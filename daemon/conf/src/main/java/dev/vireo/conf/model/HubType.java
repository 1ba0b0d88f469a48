package dev.vireo.conf.model;

/** Kind of hub: {@code <hub type>}. */
public enum HubType implements XmlSpelled {
    USB("usb");

    private final String xml;

    HubType(String xml) {
        this.xml = xml;
    }

    @Override
    public String xml() {
        return xml;
    }

    /** The constant spelled {@code xml} in the domain XML, or an exception naming the allowed spellings. */
    public static HubType fromXml(String xml) {
        return XmlSpelled.parse(HubType.class, xml);
    }

    /** Binds the XML spelling; an unknown spelling becomes a located problem instead of a silent null. */
    public static final class Adapter extends XmlSpelledAdapter<HubType> {
        public Adapter() {
            super(HubType.class);
        }
    }
}
