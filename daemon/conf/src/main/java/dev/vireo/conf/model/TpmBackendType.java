package dev.vireo.conf.model;

/** Where the TPM lives: {@code <tpm><backend type>}. */
public enum TpmBackendType implements XmlSpelled {
    PASSTHROUGH("passthrough"),
    EMULATOR("emulator");

    private final String xml;

    TpmBackendType(String xml) {
        this.xml = xml;
    }

    @Override
    public String xml() {
        return xml;
    }

    /** Binds the XML spelling; an unknown spelling becomes a located problem instead of a silent null. */
    public static final class Adapter extends XmlSpelledAdapter<TpmBackendType> {
        public Adapter() {
            super(TpmBackendType.class);
        }
    }
}
