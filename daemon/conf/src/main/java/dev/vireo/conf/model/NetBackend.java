package dev.vireo.conf.model;

/** virtio-net backend: {@code <driver name>}. */
public enum NetBackend implements XmlSpelled {
    QEMU("qemu"),
    VHOST("vhost");

    private final String xml;

    NetBackend(String xml) {
        this.xml = xml;
    }

    @Override
    public String xml() {
        return xml;
    }

    /** The constant spelled {@code xml} in the domain XML, or an exception naming the allowed spellings. */
    public static NetBackend fromXml(String xml) {
        return XmlSpelled.parse(NetBackend.class, xml);
    }

    /** Binds the XML spelling; an unknown spelling becomes a located problem instead of a silent null. */
    public static final class Adapter extends XmlSpelledAdapter<NetBackend> {
        public Adapter() {
            super(NetBackend.class);
        }
    }
}
