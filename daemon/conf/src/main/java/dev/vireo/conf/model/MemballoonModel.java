package dev.vireo.conf.model;

/** Memory balloon model: {@code <memballoon model>}. */
public enum MemballoonModel implements XmlSpelled {
    VIRTIO("virtio"),
    XEN("xen"),
    NONE("none");

    private final String xml;

    MemballoonModel(String xml) {
        this.xml = xml;
    }

    @Override
    public String xml() {
        return xml;
    }

    /** The constant spelled {@code xml} in the domain XML, or an exception naming the allowed spellings. */
    public static MemballoonModel fromXml(String xml) {
        return XmlSpelled.parse(MemballoonModel.class, xml);
    }

    /** Binds the XML spelling; an unknown spelling becomes a located problem instead of a silent null. */
    public static final class Adapter extends XmlSpelledAdapter<MemballoonModel> {
        public Adapter() {
            super(MemballoonModel.class);
        }
    }
}
