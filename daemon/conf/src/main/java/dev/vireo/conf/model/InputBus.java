package dev.vireo.conf.model;

/** Bus of an input device: {@code <input bus>}. */
public enum InputBus implements XmlSpelled {
    PS2("ps2"),
    USB("usb"),
    VIRTIO("virtio"),
    XEN("xen");

    private final String xml;

    InputBus(String xml) {
        this.xml = xml;
    }

    @Override
    public String xml() {
        return xml;
    }

    /** The constant spelled {@code xml} in the domain XML, or an exception naming the allowed spellings. */
    public static InputBus fromXml(String xml) {
        return XmlSpelled.parse(InputBus.class, xml);
    }

    /** Binds the XML spelling; an unknown spelling becomes a located problem instead of a silent null. */
    public static final class Adapter extends XmlSpelledAdapter<InputBus> {
        public Adapter() {
            super(InputBus.class);
        }
    }
}
