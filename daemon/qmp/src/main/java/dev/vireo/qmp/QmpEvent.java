package dev.vireo.qmp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;

import java.time.Instant;

/**
 * An asynchronous message from QEMU.
 *
 * @param name      e.g. {@link #SHUTDOWN}, {@link #BLOCK_JOB_COMPLETED}
 * @param timestamp when QEMU emitted it (its own clock, microsecond precision)
 * @param data      the event's {@code data} member; a {@link NullNode} when it has none
 */
public record QmpEvent(String name, Instant timestamp, JsonNode data) {
    public static final String SHUTDOWN = "SHUTDOWN";
    public static final String POWERDOWN = "POWERDOWN";
    public static final String RESET = "RESET";
    public static final String STOP = "STOP";
    public static final String RESUME = "RESUME";
    public static final String SUSPEND = "SUSPEND";
    public static final String WAKEUP = "WAKEUP";
    public static final String GUEST_PANICKED = "GUEST_PANICKED";
    public static final String DEVICE_TRAY_MOVED = "DEVICE_TRAY_MOVED";
    public static final String DEVICE_DELETED = "DEVICE_DELETED";
    public static final String BLOCK_IO_ERROR = "BLOCK_IO_ERROR";
    public static final String BLOCK_WRITE_THRESHOLD = "BLOCK_WRITE_THRESHOLD";
    public static final String BLOCK_JOB_COMPLETED = "BLOCK_JOB_COMPLETED";
    public static final String BLOCK_JOB_CANCELLED = "BLOCK_JOB_CANCELLED";
    public static final String BLOCK_JOB_ERROR = "BLOCK_JOB_ERROR";
    public static final String BLOCK_JOB_READY = "BLOCK_JOB_READY";
    public static final String BLOCK_JOB_PENDING = "BLOCK_JOB_PENDING";
    public static final String JOB_STATUS_CHANGE = "JOB_STATUS_CHANGE";

    static QmpEvent parse(JsonNode message) {
        JsonNode ts = message.path("timestamp");
        Instant timestamp = Instant.ofEpochSecond(ts.path("seconds").asLong(), ts.path("microseconds").asLong() * 1000);
        JsonNode data = message.has("data") ? message.get("data") : NullNode.getInstance();
        return new QmpEvent(message.get("event").asText(), timestamp, data);
    }
}
