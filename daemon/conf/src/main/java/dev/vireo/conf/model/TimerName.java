package dev.vireo.conf.model;

/** A guest timer: {@code <clock><timer name>}. */
public enum TimerName implements XmlSpelled {
    PLATFORM("platform"),
    PIT("pit"),
    RTC("rtc"),
    HPET("hpet"),
    TSC("tsc"),
    KVMCLOCK("kvmclock"),
    HYPERVCLOCK("hypervclock");

    private final String xml;

    TimerName(String xml) {
        this.xml = xml;
    }

    @Override
    public String xml() {
        return xml;
    }

    /** The constant spelled {@code xml} in the domain XML, or an exception naming the allowed spellings. */
    public static TimerName fromXml(String xml) {
        return XmlSpelled.parse(TimerName.class, xml);
    }

    /** Binds the XML spelling; an unknown spelling becomes a located problem instead of a silent null. */
    public static final class Adapter extends XmlSpelledAdapter<TimerName> {
        public Adapter() {
            super(TimerName.class);
        }
    }
}
