package dev.vireo.conf.model;

/** virtio-net transmit mode: {@code <driver txmode>}. */
public enum NetTxMode implements XmlSpelled {
    IOTHREAD("iothread"),
    TIMER("timer");

    private final String xml;

    NetTxMode(String xml) {
        this.xml = xml;
    }

    @Override
    public String xml() {
        return xml;
    }

    /** The constant spelled {@code xml} in the domain XML, or an exception naming the allowed spellings. */
    public static NetTxMode fromXml(String xml) {
        return XmlSpelled.parse(NetTxMode.class, xml);
    }

    /** Binds the XML spelling; an unknown spelling becomes a located problem instead of a silent null. */
    public static final class Adapter extends XmlSpelledAdapter<NetTxMode> {
        public Adapter() {
            super(NetTxMode.class);
        }
    }
}
