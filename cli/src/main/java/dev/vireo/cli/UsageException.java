package dev.vireo.cli;

/** The words on the command line do not fit the command: printed as {@code error: MESSAGE}, exit 1. */
final class UsageException extends Exception {
    UsageException(String message) {
        super(message);
    }
}
