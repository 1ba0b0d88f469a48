package dev.vireo.conf.model;

/** Kind of graphical console: {@code <graphics type>}. */
public enum GraphicsType implements XmlSpelled {
    SDL("sdl"),
    VNC("vnc"),
    RDP("rdp"),
    DESKTOP("desktop"),
    SPICE("spice");

    private final String xml;

    GraphicsType(String xml) {
        this.xml = xml;
    }

    @Override
    public String xml() {
        return xml;
    }

    /** The constant spelled {@code xml} in the domain XML, or an exception naming the allowed spellings. */
    public static GraphicsType fromXml(String xml) {
        return XmlSpelled.parse(GraphicsType.class, xml);
    }

    /** Binds the XML spelling; an unknown spelling becomes a located problem instead of a silent null. */
    public static final class Adapter extends XmlSpelledAdapter<GraphicsType> {
        public Adapter() {
            super(GraphicsType.class);
        }
    }
}
