package dev.vireo.conf.model;

/** How the guest reports a panic: {@code <panic model>}. */
public enum PanicModel implements XmlSpelled {
    ISA("isa"),
    HYPERV("hyperv"),
    PVPANIC("pvpanic");

    private final String xml;

    PanicModel(String xml) {
        this.xml = xml;
    }

    @Override
    public String xml() {
        return xml;
    }

    /** Binds the XML spelling; an unknown spelling becomes a located problem instead of a silent null. */
    public static final class Adapter extends XmlSpelledAdapter<PanicModel> {
        public Adapter() {
            super(PanicModel.class);
        }
    }
}
