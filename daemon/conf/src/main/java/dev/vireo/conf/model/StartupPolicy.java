package dev.vireo.conf.model;

/** What to do when a disk source is missing at start: {@code <source startupPolicy>}. */
public enum StartupPolicy implements XmlSpelled {
    MANDATORY("mandatory"),
    REQUISITE("requisite"),
    OPTIONAL("optional");

    private final String xml;

    StartupPolicy(String xml) {
        this.xml = xml;
    }

    @Override
    public String xml() {
        return xml;
    }

    /** The constant spelled {@code xml} in the domain XML, or an exception naming the allowed spellings. */
    public static StartupPolicy fromXml(String xml) {
        return XmlSpelled.parse(StartupPolicy.class, xml);
    }

    /** Binds the XML spelling; an unknown spelling becomes a located problem instead of a silent null. */
    public static final class Adapter extends XmlSpelledAdapter<StartupPolicy> {
        public Adapter() {
            super(StartupPolicy.class);
        }
    }
}
