package dev.vireo.conf.model;

/** Where a random number generator gets entropy: {@code <rng><backend model>}. */
public enum RngBackendModel implements XmlSpelled {
    RANDOM("random"),
    EGD("egd"),
    BUILTIN("builtin");

    private final String xml;

    RngBackendModel(String xml) {
        this.xml = xml;
    }

    @Override
    public String xml() {
        return xml;
    }

    /** Binds the XML spelling; an unknown spelling becomes a located problem instead of a silent null. */
    public static final class Adapter extends XmlSpelledAdapter<RngBackendModel> {
        public Adapter() {
            super(RngBackendModel.class);
        }
    }
}
