package dev.vireo.conf.model;

/** How the guest CPU is chosen: {@code <cpu mode>}. */
public enum CpuMode implements XmlSpelled {
    CUSTOM("custom"),
    HOST_MODEL("host-model"),
    HOST_PASSTHROUGH("host-passthrough"),
    /** Everything the accelerator can give, {@code -cpu max}: TCG's counterpart of host-passthrough. */
    MAXIMUM("maximum");

    private final String xml;

    CpuMode(String xml) {
        this.xml = xml;
    }

    @Override
    public String xml() {
        return xml;
    }

    /** The constant spelled {@code xml} in the domain XML, or an exception naming the allowed spellings. */
    public static CpuMode fromXml(String xml) {
        return XmlSpelled.parse(CpuMode.class, xml);
    }

    /** Binds the XML spelling; an unknown spelling becomes a located problem instead of a silent null. */
    public static final class Adapter extends XmlSpelledAdapter<CpuMode> {
        public Adapter() {
            super(CpuMode.class);
        }
    }
}
