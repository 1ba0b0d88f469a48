package dev.vireo.qmp;

/** The monitor connection is closed (QEMU exited, or the client was closed); see the message. */
public final class QmpClosedException extends QmpException {
    QmpClosedException(String message, Throwable cause) {
        super(message, cause);
    }
}
