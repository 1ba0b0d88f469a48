package dev.vireo.conf.model;

/** What the watchdog does when it fires: {@code <watchdog action>}. */
public enum WatchdogAction implements XmlSpelled {
    RESET("reset"),
    SHUTDOWN("shutdown"),
    POWEROFF("poweroff"),
    PAUSE("pause"),
    DUMP("dump"),
    NONE("none");

    private final String xml;

    WatchdogAction(String xml) {
        this.xml = xml;
    }

    @Override
    public String xml() {
        return xml;
    }

    /** The constant spelled {@code xml} in the domain XML, or an exception naming the allowed spellings. */
    public static WatchdogAction fromXml(String xml) {
        return XmlSpelled.parse(WatchdogAction.class, xml);
    }

    /** Binds the XML spelling; an unknown spelling becomes a located problem instead of a silent null. */
    public static final class Adapter extends XmlSpelledAdapter<WatchdogAction> {
        public Adapter() {
            super(WatchdogAction.class);
        }
    }
}
