package dev.vireo.conf.model;

/** Kind of device address: {@code <address type>}. */
public enum AddressType implements XmlSpelled {
    PCI("pci"),
    DRIVE("drive"),
    VIRTIO_SERIAL("virtio-serial"),
    CCID("ccid"),
    USB("usb"),
    SPAPR_VIO("spapr-vio"),
    VIRTIO_S390("virtio-s390");

    private final String xml;

    AddressType(String xml) {
        this.xml = xml;
    }

    @Override
    public String xml() {
        return xml;
    }

    /** The constant spelled {@code xml} in the domain XML, or an exception naming the allowed spellings. */
    public static AddressType fromXml(String xml) {
        return XmlSpelled.parse(AddressType.class, xml);
    }

    /** Binds the XML spelling; an unknown spelling becomes a located problem instead of a silent null. */
    public static final class Adapter extends XmlSpelledAdapter<AddressType> {
        public Adapter() {
            super(AddressType.class);
        }
    }
}
