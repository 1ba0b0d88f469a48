package dev.vireo.conf.model;

/** How strictly libvirt compares the started CPU with the definition: {@code <cpu check>}. */
public enum CpuCheck implements XmlSpelled {
    NONE("none"),
    PARTIAL("partial"),
    FULL("full");

    private final String xml;

    CpuCheck(String xml) {
        this.xml = xml;
    }

    @Override
    public String xml() {
        return xml;
    }

    /** Binds the XML spelling; an unknown spelling becomes a located problem instead of a silent null. */
    public static final class Adapter extends XmlSpelledAdapter<CpuCheck> {
        public Adapter() {
            super(CpuCheck.class);
        }
    }
}
