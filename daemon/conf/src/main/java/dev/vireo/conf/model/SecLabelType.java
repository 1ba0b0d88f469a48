package dev.vireo.conf.model;

/** How a security label is chosen: {@code <seclabel type>}. */
public enum SecLabelType implements XmlSpelled {
    DYNAMIC("dynamic"),
    STATIC("static"),
    NONE("none");

    private final String xml;

    SecLabelType(String xml) {
        this.xml = xml;
    }

    @Override
    public String xml() {
        return xml;
    }

    /** The constant spelled {@code xml} in the domain XML, or an exception naming the allowed spellings. */
    public static SecLabelType fromXml(String xml) {
        return XmlSpelled.parse(SecLabelType.class, xml);
    }

    /** Binds the XML spelling; an unknown spelling becomes a located problem instead of a silent null. */
    public static final class Adapter extends XmlSpelledAdapter<SecLabelType> {
        public Adapter() {
            super(SecLabelType.class);
        }
    }
}
