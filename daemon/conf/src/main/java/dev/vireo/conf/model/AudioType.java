package dev.vireo.conf.model;

/** Host audio backend: {@code <audio type>}. */
public enum AudioType implements XmlSpelled {
    NONE("none"),
    ALSA("alsa"),
    COREAUDIO("coreaudio"),
    JACK("jack"),
    OSS("oss"),
    PULSEAUDIO("pulseaudio"),
    SDL("sdl"),
    SPICE("spice"),
    FILE("file"),
    DBUS("dbus");

    private final String xml;

    AudioType(String xml) {
        this.xml = xml;
    }

    @Override
    public String xml() {
        return xml;
    }

    /** Binds the XML spelling; an unknown spelling becomes a located problem instead of a silent null. */
    public static final class Adapter extends XmlSpelledAdapter<AudioType> {
        public Adapter() {
            super(AudioType.class);
        }
    }
}
