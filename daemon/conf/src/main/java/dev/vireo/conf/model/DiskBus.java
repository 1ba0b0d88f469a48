package dev.vireo.conf.model;

/** The bus a disk sits on: {@code <target bus>}. */
public enum DiskBus implements XmlSpelled {
    IDE("ide"),
    FDC("fdc"),
    SCSI("scsi"),
    VIRTIO("virtio"),
    XEN("xen"),
    USB("usb"),
    UML("uml"),
    SATA("sata");

    private final String xml;

    DiskBus(String xml) {
        this.xml = xml;
    }

    @Override
    public String xml() {
        return xml;
    }

    /** The constant spelled {@code xml} in the domain XML, or an exception naming the allowed spellings. */
    public static DiskBus fromXml(String xml) {
        return XmlSpelled.parse(DiskBus.class, xml);
    }

    /** Binds the XML spelling; an unknown spelling becomes a located problem instead of a silent null. */
    public static final class Adapter extends XmlSpelledAdapter<DiskBus> {
        public Adapter() {
            super(DiskBus.class);
        }
    }
}
