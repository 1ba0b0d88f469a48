package dev.vireo.conf.model;

/** What a CPU feature must be: {@code <cpu><feature policy>}. */
public enum CpuFeaturePolicy implements XmlSpelled {
    FORCE("force"),
    REQUIRE("require"),
    OPTIONAL("optional"),
    DISABLE("disable"),
    FORBID("forbid");

    private final String xml;

    CpuFeaturePolicy(String xml) {
        this.xml = xml;
    }

    @Override
    public String xml() {
        return xml;
    }

    /** The constant spelled {@code xml} in the domain XML, or an exception naming the allowed spellings. */
    public static CpuFeaturePolicy fromXml(String xml) {
        return XmlSpelled.parse(CpuFeaturePolicy.class, xml);
    }

    /** Binds the XML spelling; an unknown spelling becomes a located problem instead of a silent null. */
    public static final class Adapter extends XmlSpelledAdapter<CpuFeaturePolicy> {
        public Adapter() {
            super(CpuFeaturePolicy.class);
        }
    }
}
