package dev.vireo.daemon.lifecycle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vireo.qmp.QmpClient;
import dev.vireo.qmp.QmpClosedException;
import dev.vireo.qmp.QmpCommandException;
import dev.vireo.qmp.QmpEvent;
import dev.vireo.qmp.QmpEventListener;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

/**
 * {@link GuestMonitor}s over {@code dev.vireo.qmp}'s client.
 *
 * <p>The connect runs on a platform thread: the RPC calls it from virtual threads, where
 * junixsocket's blocking read does not honour the handshake's socket timeout (a QEMU that accepts
 * but never greets would hang the caller for good). The caller polls it so that a QEMU that exits
 * before its monitor answers is noticed at once.
 */
public final class QmpMonitorConnector implements MonitorConnector {
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(30);
    private static final long POLL_MILLIS = 20;

    @Override
    public GuestMonitor connect(Path socket, GuestMonitor.Listener listener, Duration timeout, BooleanSupplier alive)
            throws IOException {
        QmpClient.Options options = new QmpClient.Options(timeout, COMMAND_TIMEOUT, QmpClient.Options.DEFAULTS.maxMessageBytes());
        FutureTask<QmpClient> connecting = new FutureTask<>(() -> QmpClient.connect(socket, options));
        Thread.ofPlatform().daemon().name("qmp-connect " + socket.getFileName()).start(connecting);
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            for (;;) {
                try {
                    QmpClient client = connecting.get(POLL_MILLIS, TimeUnit.MILLISECONDS);
                    client.subscribe(new Forwarder(listener));
                    return new QmpGuestMonitor(client);
                } catch (TimeoutException notYet) {
                    if (!alive.getAsBoolean()) throw new IOException("QEMU exited before its monitor " + socket + " answered");
                    if (System.nanoTime() > deadline) throw new IOException("QEMU's monitor " + socket + " did not answer within " + timeout.toSeconds() + " s");
                }
            }
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while connecting to " + socket);
        } finally {
            connecting.cancel(true);
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
