package dev.vireo.conf.model;

/** Filesystem share driver: {@code <driver type>}. */
public enum FilesystemDriverType implements XmlSpelled {
    PATH("path"),
    HANDLE("handle"),
    LOOP("loop"),
    NBD("nbd"),
    VIRTIOFS("virtiofs");

    private final String xml;

    FilesystemDriverType(String xml) {
        this.xml = xml;
    }

    @Override
    public String xml() {
        return xml;
    }

    /** The constant spelled {@code xml} in the domain XML, or an exception naming the allowed spellings. */
    public static FilesystemDriverType fromXml(String xml) {
        return XmlSpelled.parse(FilesystemDriverType.class, xml);
    }

    /** Binds the XML spelling; an unknown spelling becomes a located problem instead of a silent null. */
    public static final class Adapter extends XmlSpelledAdapter<FilesystemDriverType> {
        public Adapter() {
            super(FilesystemDriverType.class);
        }
    }
}
