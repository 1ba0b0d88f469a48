package dev.vireo.conf.model;

/** Kind of controller: {@code <controller type>}. */
public enum ControllerType implements XmlSpelled {
    IDE("ide"),
    FDC("fdc"),
    SCSI("scsi"),
    SATA("sata"),
    VIRTIO_SERIAL("virtio-serial"),
    CCID("ccid"),
    USB("usb"),
    PCI("pci");

    private final String xml;

    ControllerType(String xml) {
        this.xml = xml;
    }

    @Override
    public String xml() {
        return xml;
    }

    /** The constant spelled {@code xml} in the domain XML, or an exception naming the allowed spellings. */
    public static ControllerType fromXml(String xml) {
        return XmlSpelled.parse(ControllerType.class, xml);
    }

    /** Binds the XML spelling; an unknown spelling becomes a located problem instead of a silent null. */
    public static final class Adapter extends XmlSpelledAdapter<ControllerType> {
        public Adapter() {
            super(ControllerType.class);
        }
    }
}
