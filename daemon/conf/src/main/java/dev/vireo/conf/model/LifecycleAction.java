package dev.vireo.conf.model;

/** What to do on guest power-off or reboot: {@code <on_poweroff>}, {@code <on_reboot>}. */
public enum LifecycleAction implements XmlSpelled {
    DESTROY("destroy"),
    RESTART("restart"),
    RENAME_RESTART("rename-restart"),
    PRESERVE("preserve");

    private final String xml;

    LifecycleAction(String xml) {
        this.xml = xml;
    }

    @Override
    public String xml() {
        return xml;
    }

    /** The constant spelled {@code xml} in the domain XML, or an exception naming the allowed spellings. */
    public static LifecycleAction fromXml(String xml) {
        return XmlSpelled.parse(LifecycleAction.class, xml);
    }

    /** Binds the XML spelling; an unknown spelling becomes a located problem instead of a silent null. */
    public static final class Adapter extends XmlSpelledAdapter<LifecycleAction> {
        public Adapter() {
            super(LifecycleAction.class);
        }
    }
}
