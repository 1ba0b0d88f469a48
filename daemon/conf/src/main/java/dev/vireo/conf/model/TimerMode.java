package dev.vireo.conf.model;

/** How a TSC timer is exposed: {@code <timer mode>}. */
public enum TimerMode implements XmlSpelled {
    AUTO("auto"),
    NATIVE("native"),
    EMULATE("emulate"),
    PARAVIRT("paravirt"),
    SMPSAFE("smpsafe");

    private final String xml;

    TimerMode(String xml) {
        this.xml = xml;
    }

    @Override
    public String xml() {
        return xml;
    }

    /** The constant spelled {@code xml} in the domain XML, or an exception naming the allowed spellings. */
    public static TimerMode fromXml(String xml) {
        return XmlSpelled.parse(TimerMode.class, xml);
    }

    /** Binds the XML spelling; an unknown spelling becomes a located problem instead of a silent null. */
    public static final class Adapter extends XmlSpelledAdapter<TimerMode> {
        public Adapter() {
            super(TimerMode.class);
        }
    }
}
