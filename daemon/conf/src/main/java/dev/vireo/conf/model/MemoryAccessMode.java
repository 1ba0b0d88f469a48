package dev.vireo.conf.model;

/** Whether guest memory is shared with other processes: {@code <memoryBacking><access mode>}. */
public enum MemoryAccessMode implements XmlSpelled {
    SHARED("shared"),
    PRIVATE("private");

    private final String xml;

    MemoryAccessMode(String xml) {
        this.xml = xml;
    }

    @Override
    public String xml() {
        return xml;
    }

    /** Binds the XML spelling; an unknown spelling becomes a located problem instead of a silent null. */
    public static final class Adapter extends XmlSpelledAdapter<MemoryAccessMode> {
        public Adapter() {
            super(MemoryAccessMode.class);
        }
    }
}
