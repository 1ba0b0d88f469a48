package dev.vireo.daemon.lifecycle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vireo.qmp.QmpClient;
import dev.vireo.qmp.QmpClosedException;
import dev.vireo.qmp.QmpCommandException;
import dev.vireo.qmp.QmpEvent;
import dev.vireo.qmp.QmpEventListener;
import dev.vireo.qmp.QmpException;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/** {@link GuestMonitor}s over {@code dev.vireo.qmp}'s client. */
public final class QmpMonitorConnector implements MonitorConnector {
    /** Each connect attempt is short, so that a QEMU that died before creating its socket is noticed quickly. */
    private static final Duration ATTEMPT = Duration.ofMillis(250);
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(30);

    @Override
    public GuestMonitor connect(Path socket, GuestMonitor.Listener listener, Duration timeout, BooleanSupplier alive)
            throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        QmpClient.Options options = new QmpClient.Options(ATTEMPT, COMMAND_TIMEOUT, QmpClient.Options.DEFAULTS.maxMessageBytes());
        for (;;) {
            try {
                QmpClient client = QmpClient.connect(socket, options);
                client.subscribe(new Forwarder(listener));
                return new QmpGuestMonitor(client);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while connecting to " + socket);
            } catch (IOException e) {
                if (!alive.getAsBoolean()) throw new IOException("QEMU exited before its monitor " + socket + " answered");
                if (System.nanoTime() > deadline) throw e;
            }
        }
    }

    private record Forwarder(GuestMonitor.Listener listener) implements QmpEventListener {
        @Override
        public void onEvent(QmpEvent event) {
            listener.event(event.name(), event.data());
        }

        @Override
        public void onClose(QmpClosedException reason) {
            listener.closed();
        }
    }

    private record QmpGuestMonitor(QmpClient client) implements GuestMonitor {
        @Override
        public JsonNode execute(String command, ObjectNode arguments) throws MonitorException, IOException {
            try {
                return client.execute(command, (JsonNode) arguments);
            } catch (QmpCommandException e) {
                throw new MonitorException(e.errorClass(), e.description());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException(command + " interrupted");
            }
        }

        @Override
        public JsonNode passThrough(ObjectNode command) throws IOException {
            try {
                return client.passThrough(command, COMMAND_TIMEOUT);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException(command + " interrupted");
            }
        }

        @Override
        public void close() {
            client.close();
        }
    }
}
