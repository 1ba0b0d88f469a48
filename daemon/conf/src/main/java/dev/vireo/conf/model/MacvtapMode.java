package dev.vireo.conf.model;

/** macvtap mode of a direct interface: {@code <source mode>}. */
public enum MacvtapMode implements XmlSpelled {
    VEPA("vepa"),
    PRIVATE("private"),
    BRIDGE("bridge"),
    PASSTHROUGH("passthrough");

    private final String xml;

    MacvtapMode(String xml) {
        this.xml = xml;
    }

    @Override
    public String xml() {
        return xml;
    }

    /** The constant spelled {@code xml} in the domain XML, or an exception naming the allowed spellings. */
    public static MacvtapMode fromXml(String xml) {
        return XmlSpelled.parse(MacvtapMode.class, xml);
    }

    /** Binds the XML spelling; an unknown spelling becomes a located problem instead of a silent null. */
    public static final class Adapter extends XmlSpelledAdapter<MacvtapMode> {
        public Adapter() {
            super(MacvtapMode.class);
        }
    }
}
