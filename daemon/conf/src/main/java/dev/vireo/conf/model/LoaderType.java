package dev.vireo.conf.model;

/** How the loader is mapped: {@code <loader type>}. */
public enum LoaderType implements XmlSpelled {
    ROM("rom"),
    PFLASH("pflash");

    private final String xml;

    LoaderType(String xml) {
        this.xml = xml;
    }

    @Override
    public String xml() {
        return xml;
    }

    /** Binds the XML spelling; an unknown spelling becomes a located problem instead of a silent null. */
    public static final class Adapter extends XmlSpelledAdapter<LoaderType> {
        public Adapter() {
            super(LoaderType.class);
        }
    }
}
