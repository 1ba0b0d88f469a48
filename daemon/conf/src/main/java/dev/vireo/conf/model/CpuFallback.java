package dev.vireo.conf.model;

/** Whether another CPU model may be used: {@code <cpu><model fallback>}. */
public enum CpuFallback implements XmlSpelled {
    ALLOW("allow"),
    FORBID("forbid");

    private final String xml;

    CpuFallback(String xml) {
        this.xml = xml;
    }

    @Override
    public String xml() {
        return xml;
    }

    /** The constant spelled {@code xml} in the domain XML, or an exception naming the allowed spellings. */
    public static CpuFallback fromXml(String xml) {
        return XmlSpelled.parse(CpuFallback.class, xml);
    }

    /** Binds the XML spelling; an unknown spelling becomes a located problem instead of a silent null. */
    public static final class Adapter extends XmlSpelledAdapter<CpuFallback> {
        public Adapter() {
            super(CpuFallback.class);
        }
    }
}
