package dev.vireo.conf.model;

/** How a NIC connects to the host: {@code <interface type>}. */
public enum InterfaceType implements XmlSpelled {
    USER("user"),
    ETHERNET("ethernet"),
    SERVER("server"),
    CLIENT("client"),
    MCAST("mcast"),
    NETWORK("network"),
    BRIDGE("bridge"),
    INTERNAL("internal"),
    DIRECT("direct"),
    HOSTDEV("hostdev");

    private final String xml;

    InterfaceType(String xml) {
        this.xml = xml;
    }

    @Override
    public String xml() {
        return xml;
    }

    /** The constant spelled {@code xml} in the domain XML, or an exception naming the allowed spellings. */
    public static InterfaceType fromXml(String xml) {
        return XmlSpelled.parse(InterfaceType.class, xml);
    }

    /** Binds the XML spelling; an unknown spelling becomes a located problem instead of a silent null. */
    public static final class Adapter extends XmlSpelledAdapter<InterfaceType> {
        public Adapter() {
            super(InterfaceType.class);
        }
    }
}
