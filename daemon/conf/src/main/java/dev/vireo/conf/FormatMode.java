package dev.vireo.conf;

/** Which view of a domain to print. */
public enum FormatMode {
    /** The persistent definition, as {@code dumpxml --inactive}: no id, aliases or runtime details. */
    INACTIVE,
    /** A running domain: adds its id, device aliases and runtime details (pty paths, block copies). */
    LIVE
}
