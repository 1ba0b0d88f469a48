package dev.vireo.conf.model;

/** Kind of input device: {@code <input type>}. */
public enum InputType implements XmlSpelled {
    MOUSE("mouse"),
    TABLET("tablet"),
    KEYBOARD("keyboard");

    private final String xml;

    InputType(String xml) {
        this.xml = xml;
    }

    @Override
    public String xml() {
        return xml;
    }

    /** The constant spelled {@code xml} in the domain XML, or an exception naming the allowed spellings. */
    public static InputType fromXml(String xml) {
        return XmlSpelled.parse(InputType.class, xml);
    }

    /** Binds the XML spelling; an unknown spelling becomes a located problem instead of a silent null. */
    public static final class Adapter extends XmlSpelledAdapter<InputType> {
        public Adapter() {
            super(InputType.class);
        }
    }
}
