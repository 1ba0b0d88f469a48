package dev.vireo.conf.model;

/** SCSI generic I/O filtering of a lun: {@code <disk sgio>}. */
public enum DiskSgio implements XmlSpelled {
    FILTERED("filtered"),
    UNFILTERED("unfiltered");

    private final String xml;

    DiskSgio(String xml) {
        this.xml = xml;
    }

    @Override
    public String xml() {
        return xml;
    }

    /** The constant spelled {@code xml} in the domain XML, or an exception naming the allowed spellings. */
    public static DiskSgio fromXml(String xml) {
        return XmlSpelled.parse(DiskSgio.class, xml);
    }

    /** Binds the XML spelling; an unknown spelling becomes a located problem instead of a silent null. */
    public static final class Adapter extends XmlSpelledAdapter<DiskSgio> {
        public Adapter() {
            super(DiskSgio.class);
        }
    }
}
