package dev.vireo.daemon.domain;

/** A domain's state, with virsh's words for it. */
public enum StateKind {
    RUNNING("running"),
    PAUSED("paused"),
    SHUTOFF("shut off");

    private final String words;

    StateKind(String words) {
        this.words = words;
    }

    /** What virsh prints: {@code running}, {@code paused}, {@code shut off}. */
    public String words() {
        return words;
    }
}
