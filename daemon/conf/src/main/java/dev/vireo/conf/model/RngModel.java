package dev.vireo.conf.model;

/** Random number generator device model: {@code <rng model>}. */
public enum RngModel implements XmlSpelled {
    VIRTIO("virtio"),
    VIRTIO_TRANSITIONAL("virtio-transitional"),
    VIRTIO_NON_TRANSITIONAL("virtio-non-transitional");

    private final String xml;

    RngModel(String xml) {
        this.xml = xml;
    }

    @Override
    public String xml() {
        return xml;
    }

    /** Binds the XML spelling; an unknown spelling becomes a located problem instead of a silent null. */
    public static final class Adapter extends XmlSpelledAdapter<RngModel> {
        public Adapter() {
            super(RngModel.class);
        }
    }
}
