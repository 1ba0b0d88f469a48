package dev.vireo.client;

/** The daemon refused or failed an operation; {@link #code()} is one of {@link dev.vireo.protocol.ErrorCodes}. */
public final class VireoException extends Exception {
    private final String code;

    public VireoException(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
