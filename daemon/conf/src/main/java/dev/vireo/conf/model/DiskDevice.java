package dev.vireo.conf.model;

/** What the guest sees: {@code <disk device>}. */
public enum DiskDevice implements XmlSpelled {
    DISK("disk"),
    CDROM("cdrom"),
    FLOPPY("floppy"),
    LUN("lun");

    private final String xml;

    DiskDevice(String xml) {
        this.xml = xml;
    }

    @Override
    public String xml() {
        return xml;
    }

    /** The constant spelled {@code xml} in the domain XML, or an exception naming the allowed spellings. */
    public static DiskDevice fromXml(String xml) {
        return XmlSpelled.parse(DiskDevice.class, xml);
    }

    /** Binds the XML spelling; an unknown spelling becomes a located problem instead of a silent null. */
    public static final class Adapter extends XmlSpelledAdapter<DiskDevice> {
        public Adapter() {
            super(DiskDevice.class);
        }
    }
}
