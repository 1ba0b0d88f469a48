package dev.vireo.cli;

/**
 * A command ends with this status after it said why itself (virsh's {@code Pull aborted} on stdout
 * and exit 1): nothing more is printed.
 */
final class ExitStatus extends Exception {
    private final int status;

    ExitStatus(int status) {
        super(null, null, false, false);
        this.status = status;
    }

    int status() {
        return status;
    }
}
