package dev.vireo.conf.model;

/** BIOS disk geometry translation: {@code <geometry trans>}. */
public enum GeometryTranslation implements XmlSpelled {
    NONE("none"),
    LBA("lba"),
    AUTO("auto");

    private final String xml;

    GeometryTranslation(String xml) {
        this.xml = xml;
    }

    @Override
    public String xml() {
        return xml;
    }

    /** The constant spelled {@code xml} in the domain XML, or an exception naming the allowed spellings. */
    public static GeometryTranslation fromXml(String xml) {
        return XmlSpelled.parse(GeometryTranslation.class, xml);
    }

    /** Binds the XML spelling; an unknown spelling becomes a located problem instead of a silent null. */
    public static final class Adapter extends XmlSpelledAdapter<GeometryTranslation> {
        public Adapter() {
            super(GeometryTranslation.class);
        }
    }
}
