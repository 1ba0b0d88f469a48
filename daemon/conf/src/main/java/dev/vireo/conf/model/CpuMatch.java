package dev.vireo.conf.model;

/** How strictly the host must match the CPU model: {@code <cpu match>}. */
public enum CpuMatch implements XmlSpelled {
    MINIMUM("minimum"),
    EXACT("exact"),
    STRICT("strict");

    private final String xml;

    CpuMatch(String xml) {
        this.xml = xml;
    }

    @Override
    public String xml() {
        return xml;
    }

    /** The constant spelled {@code xml} in the domain XML, or an exception naming the allowed spellings. */
    public static CpuMatch fromXml(String xml) {
        return XmlSpelled.parse(CpuMatch.class, xml);
    }

    /** Binds the XML spelling; an unknown spelling becomes a located problem instead of a silent null. */
    public static final class Adapter extends XmlSpelledAdapter<CpuMatch> {
        public Adapter() {
            super(CpuMatch.class);
        }
    }
}
