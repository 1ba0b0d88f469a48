package dev.vireo.conf.model;

/** What the guest sees of the CPU caches: {@code <cpu><cache mode>}. */
public enum CpuCacheMode implements XmlSpelled {
    EMULATE("emulate"),
    PASSTHROUGH("passthrough"),
    DISABLE("disable");

    private final String xml;

    CpuCacheMode(String xml) {
        this.xml = xml;
    }

    @Override
    public String xml() {
        return xml;
    }

    /** Binds the XML spelling; an unknown spelling becomes a located problem instead of a silent null. */
    public static final class Adapter extends XmlSpelledAdapter<CpuCacheMode> {
        public Adapter() {
            super(CpuCacheMode.class);
        }
    }
}
