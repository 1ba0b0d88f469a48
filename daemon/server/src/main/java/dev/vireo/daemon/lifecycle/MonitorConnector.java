package dev.vireo.daemon.lifecycle;

import dev.vireo.monitor.Monitor;
import dev.vireo.monitor.MonitorListener;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Opens a guest's monitor socket (waiting for QEMU to create it) and negotiates QMP. */
@FunctionalInterface
public interface MonitorConnector {
    /**
     * @param listener hears every event from the first one on
     * @param alive    false once QEMU has exited: stop waiting for its socket at once
     */
    Monitor connect(Path socket, MonitorListener listener, Duration timeout, BooleanSupplier alive) throws IOException;
}
