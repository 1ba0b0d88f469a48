package dev.vireo.conf.model;

/** Bus of a redirected device: {@code <redirdev bus>}. */
public enum RedirdevBus implements XmlSpelled {
    USB("usb");

    private final String xml;

    RedirdevBus(String xml) {
        this.xml = xml;
    }

    @Override
    public String xml() {
        return xml;
    }

    /** The constant spelled {@code xml} in the domain XML, or an exception naming the allowed spellings. */
    public static RedirdevBus fromXml(String xml) {
        return XmlSpelled.parse(RedirdevBus.class, xml);
    }

    /** Binds the XML spelling; an unknown spelling becomes a located problem instead of a silent null. */
    public static final class Adapter extends XmlSpelledAdapter<RedirdevBus> {
        public Adapter() {
            super(RedirdevBus.class);
        }
    }
}
