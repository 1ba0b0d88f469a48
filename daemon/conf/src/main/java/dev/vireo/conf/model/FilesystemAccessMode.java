package dev.vireo.conf.model;

/** Permission model of a filesystem share: {@code <filesystem accessmode>}. */
public enum FilesystemAccessMode implements XmlSpelled {
    PASSTHROUGH("passthrough"),
    MAPPED("mapped"),
    SQUASH("squash");

    private final String xml;

    FilesystemAccessMode(String xml) {
        this.xml = xml;
    }

    @Override
    public String xml() {
        return xml;
    }

    /** The constant spelled {@code xml} in the domain XML, or an exception naming the allowed spellings. */
    public static FilesystemAccessMode fromXml(String xml) {
        return XmlSpelled.parse(FilesystemAccessMode.class, xml);
    }

    /** Binds the XML spelling; an unknown spelling becomes a located problem instead of a silent null. */
    public static final class Adapter extends XmlSpelledAdapter<FilesystemAccessMode> {
        public Adapter() {
            super(FilesystemAccessMode.class);
        }
    }
}
