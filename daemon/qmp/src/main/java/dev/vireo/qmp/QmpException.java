package dev.vireo.qmp;

import java.io.IOException;

/** Anything that went wrong talking QMP; the subclasses say what. */
public sealed class QmpException extends IOException
        permits QmpCommandException, QmpTimeoutException, QmpClosedException, QmpProtocolException {

    QmpException(String message) {
        super(message);
    }

    QmpException(String message, Throwable cause) {
        super(message, cause);
    }
}
