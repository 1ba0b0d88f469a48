package dev.vireo.conf.model;

/** Watchdog model: {@code <watchdog model>}. */
public enum WatchdogModel implements XmlSpelled {
    I6300ESB("i6300esb"),
    IB700("ib700");

    private final String xml;

    WatchdogModel(String xml) {
        this.xml = xml;
    }

    @Override
    public String xml() {
        return xml;
    }

    /** The constant spelled {@code xml} in the domain XML, or an exception naming the allowed spellings. */
    public static WatchdogModel fromXml(String xml) {
        return XmlSpelled.parse(WatchdogModel.class, xml);
    }

    /** Binds the XML spelling; an unknown spelling becomes a located problem instead of a silent null. */
    public static final class Adapter extends XmlSpelledAdapter<WatchdogModel> {
        public Adapter() {
            super(WatchdogModel.class);
        }
    }
}
