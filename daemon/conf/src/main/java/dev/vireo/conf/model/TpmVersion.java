package dev.vireo.conf.model;

/** TPM specification version: {@code <tpm><backend version>}. */
public enum TpmVersion implements XmlSpelled {
    V1_2("1.2"),
    V2_0("2.0");

    private final String xml;

    TpmVersion(String xml) {
        this.xml = xml;
    }

    @Override
    public String xml() {
        return xml;
    }

    /** Binds the XML spelling; an unknown spelling becomes a located problem instead of a silent null. */
    public static final class Adapter extends XmlSpelledAdapter<TpmVersion> {
        public Adapter() {
            super(TpmVersion.class);
        }
    }
}
