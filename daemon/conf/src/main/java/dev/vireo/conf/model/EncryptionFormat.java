package dev.vireo.conf.model;

/** Disk encryption format: {@code <encryption format>}. */
public enum EncryptionFormat implements XmlSpelled {
    DEFAULT("default"),
    QCOW("qcow");

    private final String xml;

    EncryptionFormat(String xml) {
        this.xml = xml;
    }

    @Override
    public String xml() {
        return xml;
    }

    /** The constant spelled {@code xml} in the domain XML, or an exception naming the allowed spellings. */
    public static EncryptionFormat fromXml(String xml) {
        return XmlSpelled.parse(EncryptionFormat.class, xml);
    }

    /** Binds the XML spelling; an unknown spelling becomes a located problem instead of a silent null. */
    public static final class Adapter extends XmlSpelledAdapter<EncryptionFormat> {
        public Adapter() {
            super(EncryptionFormat.class);
        }
    }
}
