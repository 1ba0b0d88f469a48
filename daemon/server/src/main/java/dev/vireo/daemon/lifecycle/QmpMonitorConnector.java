package dev.vireo.daemon.lifecycle;

import dev.vireo.monitor.Monitor;
import dev.vireo.monitor.MonitorListener;
import dev.vireo.monitor.QmpMonitor;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Guests' monitors over QMP ({@code dev.vireo.monitor}). */
public final class QmpMonitorConnector implements MonitorConnector {
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(30);

    @Override
    public Monitor connect(Path socket, MonitorListener listener, Duration timeout, BooleanSupplier alive)
            throws IOException {
        return QmpMonitor.connect(socket, timeout, COMMAND_TIMEOUT, alive, listener);
    }
}
