package dev.vireo.conf.model;

/** What to do on a host I/O error: {@code <driver error_policy>} and {@code rerror_policy}. */
public enum DiskErrorPolicy implements XmlSpelled {
    STOP("stop"),
    REPORT("report"),
    IGNORE("ignore"),
    ENOSPACE("enospace");

    private final String xml;

    DiskErrorPolicy(String xml) {
        this.xml = xml;
    }

    @Override
    public String xml() {
        return xml;
    }

    /** The constant spelled {@code xml} in the domain XML, or an exception naming the allowed spellings. */
    public static DiskErrorPolicy fromXml(String xml) {
        return XmlSpelled.parse(DiskErrorPolicy.class, xml);
    }

    /** Binds the XML spelling; an unknown spelling becomes a located problem instead of a silent null. */
    public static final class Adapter extends XmlSpelledAdapter<DiskErrorPolicy> {
        public Adapter() {
            super(DiskErrorPolicy.class);
        }
    }
}
