package dev.vireo.conf.model;

/** What an RTC timer tracks: {@code <timer track>}. */
public enum TimerTrack implements XmlSpelled {
    BOOT("boot"),
    GUEST("guest"),
    WALL("wall");

    private final String xml;

    TimerTrack(String xml) {
        this.xml = xml;
    }

    @Override
    public String xml() {
        return xml;
    }

    /** The constant spelled {@code xml} in the domain XML, or an exception naming the allowed spellings. */
    public static TimerTrack fromXml(String xml) {
        return XmlSpelled.parse(TimerTrack.class, xml);
    }

    /** Binds the XML spelling; an unknown spelling becomes a located problem instead of a silent null. */
    public static final class Adapter extends XmlSpelledAdapter<TimerTrack> {
        public Adapter() {
            super(TimerTrack.class);
        }
    }
}
