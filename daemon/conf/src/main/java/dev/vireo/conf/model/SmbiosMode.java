package dev.vireo.conf.model;

/** Where SMBIOS data comes from: {@code <os><smbios mode>}. */
public enum SmbiosMode implements XmlSpelled {
    EMULATE("emulate"),
    HOST("host"),
    SYSINFO("sysinfo");

    private final String xml;

    SmbiosMode(String xml) {
        this.xml = xml;
    }

    @Override
    public String xml() {
        return xml;
    }

    /** The constant spelled {@code xml} in the domain XML, or an exception naming the allowed spellings. */
    public static SmbiosMode fromXml(String xml) {
        return XmlSpelled.parse(SmbiosMode.class, xml);
    }

    /** Binds the XML spelling; an unknown spelling becomes a located problem instead of a silent null. */
    public static final class Adapter extends XmlSpelledAdapter<SmbiosMode> {
        public Adapter() {
            super(SmbiosMode.class);
        }
    }
}
