package dev.vireo.daemon.lifecycle;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Opens a guest's monitor socket (waiting for QEMU to create it) and negotiates QMP. */
@FunctionalInterface
public interface MonitorConnector {
    /**
     * @param alive false once QEMU has exited: stop waiting for its socket at once
     */
    GuestMonitor connect(Path socket, GuestMonitor.Listener listener, Duration timeout, BooleanSupplier alive)
            throws IOException;
}
