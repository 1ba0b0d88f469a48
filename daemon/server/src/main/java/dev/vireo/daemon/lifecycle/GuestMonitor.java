package dev.vireo.daemon.lifecycle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;

/** A running guest's QMP connection, as the lifecycle uses it (implemented over {@code dev.vireo.qmp}). */
public interface GuestMonitor extends AutoCloseable {

    /** Runs a command and returns QMP's {@code return} value; a QMP error becomes a {@link MonitorException}. */
    JsonNode execute(String command, ObjectNode arguments) throws MonitorException, IOException;

    /** Sends a command as the user wrote it and returns QMP's whole reply ({@code return} or {@code error}). */
    JsonNode passThrough(ObjectNode command) throws IOException;

    @Override
    void close();

    /** What the monitor reports asynchronously. Called on the monitor's reader; must not block. */
    interface Listener {
        void event(String name, JsonNode data);

        /** The connection ended (QEMU exited, or it was closed). */
        void closed();
    }

    /** QMP refused a command: {@code class} and {@code desc} from its error reply. */
    final class MonitorException extends Exception {
        private final String errorClass;

        public MonitorException(String errorClass, String description) {
            super(description);
            this.errorClass = errorClass;
        }

        public String errorClass() {
            return errorClass;
        }
    }
}
