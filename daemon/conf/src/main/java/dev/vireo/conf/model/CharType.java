package dev.vireo.conf.model;

/** Host side of a character device: {@code type} of serial, parallel, console, channel, redirdev. */
public enum CharType implements XmlSpelled {
    NULL("null"),
    VC("vc"),
    PTY("pty"),
    DEV("dev"),
    FILE("file"),
    PIPE("pipe"),
    STDIO("stdio"),
    UDP("udp"),
    TCP("tcp"),
    UNIX("unix"),
    SPICEVMC("spicevmc");

    private final String xml;

    CharType(String xml) {
        this.xml = xml;
    }

    @Override
    public String xml() {
        return xml;
    }

    /** The constant spelled {@code xml} in the domain XML, or an exception naming the allowed spellings. */
    public static CharType fromXml(String xml) {
        return XmlSpelled.parse(CharType.class, xml);
    }

    /** Binds the XML spelling; an unknown spelling becomes a located problem instead of a silent null. */
    public static final class Adapter extends XmlSpelledAdapter<CharType> {
        public Adapter() {
            super(CharType.class);
        }
    }
}
