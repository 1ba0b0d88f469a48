package dev.vireo.conf.model;

/** Host I/O mode of a disk: {@code <driver io>}. */
public enum DiskIo implements XmlSpelled {
    THREADS("threads"),
    NATIVE("native"),
    IO_URING("io_uring");

    private final String xml;

    DiskIo(String xml) {
        this.xml = xml;
    }

    @Override
    public String xml() {
        return xml;
    }

    /** The constant spelled {@code xml} in the domain XML, or an exception naming the allowed spellings. */
    public static DiskIo fromXml(String xml) {
        return XmlSpelled.parse(DiskIo.class, xml);
    }

    /** Binds the XML spelling; an unknown spelling becomes a located problem instead of a silent null. */
    public static final class Adapter extends XmlSpelledAdapter<DiskIo> {
        public Adapter() {
            super(DiskIo.class);
        }
    }
}
