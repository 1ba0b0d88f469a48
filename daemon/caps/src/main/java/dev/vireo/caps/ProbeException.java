package dev.vireo.caps;

/** An emulator binary could not be probed: it is missing, failed, timed out or printed something unreadable. */
public final class ProbeException extends Exception {
    public ProbeException(String message) {
        super(message);
    }

    public ProbeException(String message, Throwable cause) {
        super(message, cause);
    }
}
