package dev.vireo.conf.model;

/** Tray state of a removable disk: {@code <target tray>}. */
public enum DiskTray implements XmlSpelled {
    OPEN("open"),
    CLOSED("closed");

    private final String xml;

    DiskTray(String xml) {
        this.xml = xml;
    }

    @Override
    public String xml() {
        return xml;
    }

    /** The constant spelled {@code xml} in the domain XML, or an exception naming the allowed spellings. */
    public static DiskTray fromXml(String xml) {
        return XmlSpelled.parse(DiskTray.class, xml);
    }

    /** Binds the XML spelling; an unknown spelling becomes a located problem instead of a silent null. */
    public static final class Adapter extends XmlSpelledAdapter<DiskTray> {
        public Adapter() {
            super(DiskTray.class);
        }
    }
}
