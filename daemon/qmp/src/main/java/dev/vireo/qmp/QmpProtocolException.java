package dev.vireo.qmp;

/** The peer does not speak QMP as expected: no greeting, unparsable JSON, an oversized message. */
public final class QmpProtocolException extends QmpException {
    QmpProtocolException(String message) {
        super(message);
    }

    QmpProtocolException(String message, Throwable cause) {
        super(message, cause);
    }
}
