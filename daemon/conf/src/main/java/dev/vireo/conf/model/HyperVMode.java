package dev.vireo.conf.model;

/** How Hyper-V enlightenments are chosen: {@code <hyperv mode>}. */
public enum HyperVMode implements XmlSpelled {
    CUSTOM("custom"),
    PASSTHROUGH("passthrough");

    private final String xml;

    HyperVMode(String xml) {
        this.xml = xml;
    }

    @Override
    public String xml() {
        return xml;
    }

    /** Binds the XML spelling; an unknown spelling becomes a located problem instead of a silent null. */
    public static final class Adapter extends XmlSpelledAdapter<HyperVMode> {
        public Adapter() {
            super(HyperVMode.class);
        }
    }
}
