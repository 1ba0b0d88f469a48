package dev.vireo.conf.model;

/** Video card model: {@code <video><model type>}. */
public enum VideoModel implements XmlSpelled {
    VGA("vga"),
    CIRRUS("cirrus"),
    VMVGA("vmvga"),
    XEN("xen"),
    VBOX("vbox"),
    QXL("qxl"),
    VIRTIO("virtio"),
    BOCHS("bochs"),
    RAMFB("ramfb"),
    NONE("none");

    private final String xml;

    VideoModel(String xml) {
        this.xml = xml;
    }

    @Override
    public String xml() {
        return xml;
    }

    /** The constant spelled {@code xml} in the domain XML, or an exception naming the allowed spellings. */
    public static VideoModel fromXml(String xml) {
        return XmlSpelled.parse(VideoModel.class, xml);
    }

    /** Binds the XML spelling; an unknown spelling becomes a located problem instead of a silent null. */
    public static final class Adapter extends XmlSpelledAdapter<VideoModel> {
        public Adapter() {
            super(VideoModel.class);
        }
    }
}
