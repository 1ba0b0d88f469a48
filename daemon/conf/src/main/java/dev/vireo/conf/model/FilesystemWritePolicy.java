package dev.vireo.conf.model;

/** Write policy of a filesystem share: {@code <driver wrpolicy>}. */
public enum FilesystemWritePolicy implements XmlSpelled {
    IMMEDIATE("immediate");

    private final String xml;

    FilesystemWritePolicy(String xml) {
        this.xml = xml;
    }

    @Override
    public String xml() {
        return xml;
    }

    /** The constant spelled {@code xml} in the domain XML, or an exception naming the allowed spellings. */
    public static FilesystemWritePolicy fromXml(String xml) {
        return XmlSpelled.parse(FilesystemWritePolicy.class, xml);
    }

    /** Binds the XML spelling; an unknown spelling becomes a located problem instead of a silent null. */
    public static final class Adapter extends XmlSpelledAdapter<FilesystemWritePolicy> {
        public Adapter() {
            super(FilesystemWritePolicy.class);
        }
    }
}
