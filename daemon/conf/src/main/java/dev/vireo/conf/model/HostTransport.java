package dev.vireo.conf.model;

/** Transport to a network disk host: {@code <host transport>}. */
public enum HostTransport implements XmlSpelled {
    TCP("tcp"),
    UNIX("unix"),
    RDMA("rdma");

    private final String xml;

    HostTransport(String xml) {
        this.xml = xml;
    }

    @Override
    public String xml() {
        return xml;
    }

    /** The constant spelled {@code xml} in the domain XML, or an exception naming the allowed spellings. */
    public static HostTransport fromXml(String xml) {
        return XmlSpelled.parse(HostTransport.class, xml);
    }

    /** Binds the XML spelling; an unknown spelling becomes a located problem instead of a silent null. */
    public static final class Adapter extends XmlSpelledAdapter<HostTransport> {
        public Adapter() {
            super(HostTransport.class);
        }
    }
}
