package dev.vireo.conf.model;

/** What a filesystem share exports: {@code <filesystem type>}. */
public enum FilesystemType implements XmlSpelled {
    MOUNT("mount"),
    BLOCK("block"),
    FILE("file"),
    TEMPLATE("template");

    private final String xml;

    FilesystemType(String xml) {
        this.xml = xml;
    }

    @Override
    public String xml() {
        return xml;
    }

    /** The constant spelled {@code xml} in the domain XML, or an exception naming the allowed spellings. */
    public static FilesystemType fromXml(String xml) {
        return XmlSpelled.parse(FilesystemType.class, xml);
    }

    /** Binds the XML spelling; an unknown spelling becomes a located problem instead of a silent null. */
    public static final class Adapter extends XmlSpelledAdapter<FilesystemType> {
        public Adapter() {
            super(FilesystemType.class);
        }
    }
}
