package dev.vireo.qmp;

import java.time.Duration;

/** QEMU did not answer in time; a late answer is dropped. The connection stays usable. */
public final class QmpTimeoutException extends QmpException {
    QmpTimeoutException(String command, Duration timeout) {
        super("QEMU did not answer '" + command + "' within " + timeout.toMillis() + " ms");
    }
}
