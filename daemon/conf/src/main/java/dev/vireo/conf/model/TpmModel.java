package dev.vireo.conf.model;

/** TPM device model: {@code <tpm model>}. */
public enum TpmModel implements XmlSpelled {
    TPM_TIS("tpm-tis"),
    TPM_CRB("tpm-crb");

    private final String xml;

    TpmModel(String xml) {
        this.xml = xml;
    }

    @Override
    public String xml() {
        return xml;
    }

    /** Binds the XML spelling; an unknown spelling becomes a located problem instead of a silent null. */
    public static final class Adapter extends XmlSpelledAdapter<TpmModel> {
        public Adapter() {
            super(TpmModel.class);
        }
    }
}
