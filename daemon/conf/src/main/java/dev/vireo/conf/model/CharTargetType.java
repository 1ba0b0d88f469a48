package dev.vireo.conf.model;

/** Guest side of a console or channel: {@code <target type>}. */
public enum CharTargetType implements XmlSpelled {
    SERIAL("serial"),
    XEN("xen"),
    UML("uml"),
    VIRTIO("virtio"),
    LXC("lxc"),
    OPENVZ("openvz"),
    GUESTFWD("guestfwd"),
    SCLP("sclp"),
    SCLPLM("sclplm"),
    ISA_SERIAL("isa-serial"),
    USB_SERIAL("usb-serial"),
    PCI_SERIAL("pci-serial"),
    SYSTEM_SERIAL("system-serial");

    private final String xml;

    CharTargetType(String xml) {
        this.xml = xml;
    }

    @Override
    public String xml() {
        return xml;
    }

    /** The constant spelled {@code xml} in the domain XML, or an exception naming the allowed spellings. */
    public static CharTargetType fromXml(String xml) {
        return XmlSpelled.parse(CharTargetType.class, xml);
    }

    /** Binds the XML spelling; an unknown spelling becomes a located problem instead of a silent null. */
    public static final class Adapter extends XmlSpelledAdapter<CharTargetType> {
        public Adapter() {
            super(CharTargetType.class);
        }
    }
}
