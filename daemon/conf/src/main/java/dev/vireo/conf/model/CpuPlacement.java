package dev.vireo.conf.model;

/** Where vCPUs or NUMA memory are placed: {@code placement} of {@code <vcpu>} and {@code <numatune><memory>}. */
public enum CpuPlacement implements XmlSpelled {
    STATIC("static"),
    AUTO("auto");

    private final String xml;

    CpuPlacement(String xml) {
        this.xml = xml;
    }

    @Override
    public String xml() {
        return xml;
    }

    /** The constant spelled {@code xml} in the domain XML, or an exception naming the allowed spellings. */
    public static CpuPlacement fromXml(String xml) {
        return XmlSpelled.parse(CpuPlacement.class, xml);
    }

    /** Binds the XML spelling; an unknown spelling becomes a located problem instead of a silent null. */
    public static final class Adapter extends XmlSpelledAdapter<CpuPlacement> {
        public Adapter() {
            super(CpuPlacement.class);
        }
    }
}
