package dev.vireo.conf.model;

/** What happens to missed timer ticks: {@code <timer tickpolicy>}. */
public enum TimerTickPolicy implements XmlSpelled {
    DELAY("delay"),
    CATCHUP("catchup"),
    MERGE("merge"),
    DISCARD("discard");

    private final String xml;

    TimerTickPolicy(String xml) {
        this.xml = xml;
    }

    @Override
    public String xml() {
        return xml;
    }

    /** The constant spelled {@code xml} in the domain XML, or an exception naming the allowed spellings. */
    public static TimerTickPolicy fromXml(String xml) {
        return XmlSpelled.parse(TimerTickPolicy.class, xml);
    }

    /** Binds the XML spelling; an unknown spelling becomes a located problem instead of a silent null. */
    public static final class Adapter extends XmlSpelledAdapter<TimerTickPolicy> {
        public Adapter() {
            super(TimerTickPolicy.class);
        }
    }
}
