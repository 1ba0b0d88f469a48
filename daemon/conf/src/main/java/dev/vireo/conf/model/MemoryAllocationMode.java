package dev.vireo.conf.model;

/** When guest memory is allocated: {@code <memoryBacking><allocation mode>}. */
public enum MemoryAllocationMode implements XmlSpelled {
    IMMEDIATE("immediate"),
    ONDEMAND("ondemand");

    private final String xml;

    MemoryAllocationMode(String xml) {
        this.xml = xml;
    }

    @Override
    public String xml() {
        return xml;
    }

    /** Binds the XML spelling; an unknown spelling becomes a located problem instead of a silent null. */
    public static final class Adapter extends XmlSpelledAdapter<MemoryAllocationMode> {
        public Adapter() {
            super(MemoryAllocationMode.class);
        }
    }
}
