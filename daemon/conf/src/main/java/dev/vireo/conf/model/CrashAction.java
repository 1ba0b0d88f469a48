package dev.vireo.conf.model;

/** What to do when the guest crashes: {@code <on_crash>}. */
public enum CrashAction implements XmlSpelled {
    DESTROY("destroy"),
    RESTART("restart"),
    RENAME_RESTART("rename-restart"),
    PRESERVE("preserve"),
    COREDUMP_DESTROY("coredump-destroy"),
    COREDUMP_RESTART("coredump-restart");

    private final String xml;

    CrashAction(String xml) {
        this.xml = xml;
    }

    @Override
    public String xml() {
        return xml;
    }

    /** The constant spelled {@code xml} in the domain XML, or an exception naming the allowed spellings. */
    public static CrashAction fromXml(String xml) {
        return XmlSpelled.parse(CrashAction.class, xml);
    }

    /** Binds the XML spelling; an unknown spelling becomes a located problem instead of a silent null. */
    public static final class Adapter extends XmlSpelledAdapter<CrashAction> {
        public Adapter() {
            super(CrashAction.class);
        }
    }
}
