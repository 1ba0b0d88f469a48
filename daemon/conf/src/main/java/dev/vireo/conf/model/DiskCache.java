package dev.vireo.conf.model;

/** Host page-cache mode of a disk: {@code <driver cache>}. */
public enum DiskCache implements XmlSpelled {
    DEFAULT("default"),
    NONE("none"),
    WRITETHROUGH("writethrough"),
    WRITEBACK("writeback"),
    DIRECTSYNC("directsync"),
    UNSAFE("unsafe");

    private final String xml;

    DiskCache(String xml) {
        this.xml = xml;
    }

    @Override
    public String xml() {
        return xml;
    }

    /** The constant spelled {@code xml} in the domain XML, or an exception naming the allowed spellings. */
    public static DiskCache fromXml(String xml) {
        return XmlSpelled.parse(DiskCache.class, xml);
    }

    /** Binds the XML spelling; an unknown spelling becomes a located problem instead of a silent null. */
    public static final class Adapter extends XmlSpelledAdapter<DiskCache> {
        public Adapter() {
            super(DiskCache.class);
        }
    }
}
