package dev.vireo.conf.model;

/** What the disk does with guest discard requests: {@code <driver discard>}. */
public enum DiskDiscard implements XmlSpelled {
    UNMAP("unmap"),
    IGNORE("ignore");

    private final String xml;

    DiskDiscard(String xml) {
        this.xml = xml;
    }

    @Override
    public String xml() {
        return xml;
    }

    /** Binds the XML spelling; an unknown spelling becomes a located problem instead of a silent null. */
    public static final class Adapter extends XmlSpelledAdapter<DiskDiscard> {
        public Adapter() {
            super(DiskDiscard.class);
        }
    }
}
