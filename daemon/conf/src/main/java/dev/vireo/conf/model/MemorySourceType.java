package dev.vireo.conf.model;

/** What guest memory is allocated from: {@code <memoryBacking><source type>}. */
public enum MemorySourceType implements XmlSpelled {
    FILE("file"),
    ANONYMOUS("anonymous"),
    MEMFD("memfd");

    private final String xml;

    MemorySourceType(String xml) {
        this.xml = xml;
    }

    @Override
    public String xml() {
        return xml;
    }

    /** Binds the XML spelling; an unknown spelling becomes a located problem instead of a silent null. */
    public static final class Adapter extends XmlSpelledAdapter<MemorySourceType> {
        public Adapter() {
            super(MemorySourceType.class);
        }
    }
}
