package dev.vireo.conf.model;

/** A BIOS boot device: {@code <os><boot dev>}. */
public enum BootDevice implements XmlSpelled {
    FD("fd"),
    CDROM("cdrom"),
    HD("hd"),
    NETWORK("network");

    private final String xml;

    BootDevice(String xml) {
        this.xml = xml;
    }

    @Override
    public String xml() {
        return xml;
    }

    /** The constant spelled {@code xml} in the domain XML, or an exception naming the allowed spellings. */
    public static BootDevice fromXml(String xml) {
        return XmlSpelled.parse(BootDevice.class, xml);
    }

    /** Binds the XML spelling; an unknown spelling becomes a located problem instead of a silent null. */
    public static final class Adapter extends XmlSpelledAdapter<BootDevice> {
        public Adapter() {
            super(BootDevice.class);
        }
    }
}
