package dev.vireo.protocol;

/** The {@code error.code} values of RPC replies. */
public final class ErrorCodes {
    /** The document failed the schema or a semantic check; the message lists every problem. */
    public static final String INVALID_XML = "invalid-xml";
    /** No domain with the given name, UUID or id. */
    public static final String NO_DOMAIN = "no-domain";
    /** A definition conflicts with an existing one (same name, different UUID; same UUID, other name). */
    public static final String DOMAIN_EXISTS = "domain-exists";
    /** The operation does not apply in the domain's current state (e.g. suspend a shut off domain). */
    public static final String OPERATION_INVALID = "operation-invalid";
    /** An argument names nothing the domain has (e.g. a disk target it lacks). */
    public static final String INVALID_ARGUMENT = "invalid-argument";
    /** The configuration cannot be run with this emulator (a missing capability). */
    public static final String UNSUPPORTED = "unsupported-config";
    /** The operation was tried and failed (emulator, monitor, file system). */
    public static final String OPERATION_FAILED = "operation-failed";
    /** The request itself is malformed: unknown op, missing or wrong argument. */
    public static final String BAD_REQUEST = "bad-request";
    /** The daemon is at a limit (connections, buffered requests): nothing was done; try again later. */
    public static final String BUSY = "busy";
    /** The client went away before the operation began, so it was not started (seen in logs, not by that client). */
    public static final String CANCELLED = "cancelled";
    /** A bug in the daemon: the message says what went wrong. */
    public static final String INTERNAL = "internal";

    private ErrorCodes() {
    }
}
