package dev.vireo.conf.model;

/** Whether writes of zeroes are detected: {@code <driver detect_zeroes>}. */
public enum DetectZeroes implements XmlSpelled {
    OFF("off"),
    ON("on"),
    UNMAP("unmap");

    private final String xml;

    DetectZeroes(String xml) {
        this.xml = xml;
    }

    @Override
    public String xml() {
        return xml;
    }

    /** Binds the XML spelling; an unknown spelling becomes a located problem instead of a silent null. */
    public static final class Adapter extends XmlSpelledAdapter<DetectZeroes> {
        public Adapter() {
            super(DetectZeroes.class);
        }
    }
}
