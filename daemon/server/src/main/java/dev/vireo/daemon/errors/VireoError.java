package dev.vireo.daemon.errors;

/**
 * Why the daemon refused or failed to do something, as domain code sees it: a {@link Kind} and a
 * message for the user. Domain code (definitions, lifecycle, disks) throws this and knows nothing
 * of the wire; the RPC layer maps each kind to its error code in one place (rpc.ErrorReplies).
 */
public final class VireoError extends Exception {

    /** What went wrong, in the daemon's terms (not the RPC's error codes). */
    public enum Kind {
        /** A domain document failed the schema or a semantic check. */
        INVALID_DEFINITION,
        /** No domain with the given name, UUID or id. */
        NO_DOMAIN,
        /** A definition conflicts with an existing domain. */
        DOMAIN_EXISTS,
        /** The action does not apply to the domain as it is (not running, transient, ...). */
        WRONG_STATE,
        /** An argument names nothing the domain has (a disk target, ...). */
        INVALID_ARGUMENT,
        /** The configuration cannot run with this emulator or host. */
        UNSUPPORTED,
        /** The action was tried and failed (emulator, monitor, file system). */
        FAILED,
        /** Another operation keeps the domain busy past the wait's bound, or a long job refuses this one beside it. */
        BUSY,
        /** The client that asked has gone, so the action was not started (see calls.CallContext). */
        CALLER_GONE,
        /** The daemon's own state is inconsistent: a bug. */
        INTERNAL
    }

    private final Kind kind;

    public VireoError(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    public static VireoError invalidDefinition(String message) {
        return new VireoError(Kind.INVALID_DEFINITION, message, null);
    }

    public static VireoError noDomain(String message) {
        return new VireoError(Kind.NO_DOMAIN, message, null);
    }

    public static VireoError domainExists(String message) {
        return new VireoError(Kind.DOMAIN_EXISTS, message, null);
    }

    public static VireoError invalidArgument(String message) {
        return new VireoError(Kind.INVALID_ARGUMENT, message, null);
    }

    public static VireoError wrongState(String message) {
        return new VireoError(Kind.WRONG_STATE, message, null);
    }

    public static VireoError unsupported(String message) {
        return new VireoError(Kind.UNSUPPORTED, message, null);
    }

    public static VireoError unsupported(String message, Throwable cause) {
        return new VireoError(Kind.UNSUPPORTED, message, cause);
    }

    public static VireoError failed(String message) {
        return new VireoError(Kind.FAILED, message, null);
    }

    public static VireoError failed(String message, Throwable cause) {
        return new VireoError(Kind.FAILED, message, cause);
    }

    public static VireoError busy(String message) {
        return new VireoError(Kind.BUSY, message, null);
    }

    public static VireoError internal(String message) {
        return new VireoError(Kind.INTERNAL, message, null);
    }

    public static VireoError internal(String message, Throwable cause) {
        return new VireoError(Kind.INTERNAL, message, cause);
    }
}
