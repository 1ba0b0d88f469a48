package dev.vireo.jobs;

/**
 * A domain's job slot could not be had: another operation holds it (and kept it past the wait's
 * bound), or a long job runs that the operation may not run beside. The message names both.
 */
public final class DomainBusyException extends Exception {
    public DomainBusyException(String message) {
        super(message);
    }
}
