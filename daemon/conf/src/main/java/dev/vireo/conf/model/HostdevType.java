package dev.vireo.conf.model;

/** Kind of host device: {@code <hostdev type>}. */
public enum HostdevType implements XmlSpelled {
    USB("usb"),
    PCI("pci"),
    SCSI("scsi");

    private final String xml;

    HostdevType(String xml) {
        this.xml = xml;
    }

    @Override
    public String xml() {
        return xml;
    }

    /** The constant spelled {@code xml} in the domain XML, or an exception naming the allowed spellings. */
    public static HostdevType fromXml(String xml) {
        return XmlSpelled.parse(HostdevType.class, xml);
    }

    /** Binds the XML spelling; an unknown spelling becomes a located problem instead of a silent null. */
    public static final class Adapter extends XmlSpelledAdapter<HostdevType> {
        public Adapter() {
            super(HostdevType.class);
        }
    }
}
