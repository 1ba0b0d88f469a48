package dev.vireo.conf.model;

/** Where a disk's data lives: {@code <disk type>}. */
public enum DiskType implements XmlSpelled {
    BLOCK("block"),
    FILE("file"),
    DIR("dir"),
    NETWORK("network");

    private final String xml;

    DiskType(String xml) {
        this.xml = xml;
    }

    @Override
    public String xml() {
        return xml;
    }

    /** The constant spelled {@code xml} in the domain XML, or an exception naming the allowed spellings. */
    public static DiskType fromXml(String xml) {
        return XmlSpelled.parse(DiskType.class, xml);
    }

    /** Binds the XML spelling; an unknown spelling becomes a located problem instead of a silent null. */
    public static final class Adapter extends XmlSpelledAdapter<DiskType> {
        public Adapter() {
            super(DiskType.class);
        }
    }
}
