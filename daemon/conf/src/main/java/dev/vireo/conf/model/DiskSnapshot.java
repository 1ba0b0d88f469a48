package dev.vireo.conf.model;

/** Default snapshot mode of a disk: {@code <disk snapshot>}. */
public enum DiskSnapshot implements XmlSpelled {
    NO("no"),
    INTERNAL("internal"),
    EXTERNAL("external");

    private final String xml;

    DiskSnapshot(String xml) {
        this.xml = xml;
    }

    @Override
    public String xml() {
        return xml;
    }

    /** The constant spelled {@code xml} in the domain XML, or an exception naming the allowed spellings. */
    public static DiskSnapshot fromXml(String xml) {
        return XmlSpelled.parse(DiskSnapshot.class, xml);
    }

    /** Binds the XML spelling; an unknown spelling becomes a located problem instead of a silent null. */
    public static final class Adapter extends XmlSpelledAdapter<DiskSnapshot> {
        public Adapter() {
            super(DiskSnapshot.class);
        }
    }
}
