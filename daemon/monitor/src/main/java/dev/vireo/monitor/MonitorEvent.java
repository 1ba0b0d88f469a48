package dev.vireo.monitor;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;

/**
 * An event from QEMU with all of its fields, one record per event the daemon acts on
 * ({@link Other} carries the rest as QEMU sent them). Field names follow QAPI; optional QAPI
 * members are null when QEMU left them out.
 */
public sealed interface MonitorEvent {

    /** When QEMU emitted it (its clock, microsecond precision). */
    Instant timestamp();

    /** QEMU's event name, e.g. {@code JOB_STATUS_CHANGE}. */
    String name();

    // --- guest lifecycle ---------------------------------------------------------------------

    /** @param guest whether the guest asked for it; {@code reason} e.g. guest-shutdown, host-signal */
    record Shutdown(Instant timestamp, boolean guest, String reason) implements MonitorEvent {
        public String name() { return "SHUTDOWN"; }
    }

    record Powerdown(Instant timestamp) implements MonitorEvent {
        public String name() { return "POWERDOWN"; }
    }

    record Reset(Instant timestamp, boolean guest, String reason) implements MonitorEvent {
        public String name() { return "RESET"; }
    }

    record Stop(Instant timestamp) implements MonitorEvent {
        public String name() { return "STOP"; }
    }

    record Resume(Instant timestamp) implements MonitorEvent {
        public String name() { return "RESUME"; }
    }

    record Suspend(Instant timestamp) implements MonitorEvent {
        public String name() { return "SUSPEND"; }
    }

    record Wakeup(Instant timestamp) implements MonitorEvent {
        public String name() { return "WAKEUP"; }
    }

    /** @param action pause, poweroff or run */
    record GuestPanicked(Instant timestamp, String action) implements MonitorEvent {
        public String name() { return "GUEST_PANICKED"; }
    }

    // --- devices -----------------------------------------------------------------------------

    /** @param device the qdev id, null for a device added without one; {@code path} its QOM path */
    record DeviceDeleted(Instant timestamp, String device, String path) implements MonitorEvent {
        public String name() { return "DEVICE_DELETED"; }
    }

    record DeviceTrayMoved(Instant timestamp, String device, String id, boolean trayOpen) implements MonitorEvent {
        public String name() { return "DEVICE_TRAY_MOVED"; }
    }

    /**
     * The guest opened or closed a virtio-serial port (a channel such as the guest agent's).
     *
     * @param id the port's device id (the channel's alias, e.g. {@code channel0})
     */
    record VserportChange(Instant timestamp, String id, boolean open) implements MonitorEvent {
        public String name() { return "VSERPORT_CHANGE"; }
    }

    // --- block devices -----------------------------------------------------------------------

    /**
     * @param device    the drive id (empty for a node without a BlockBackend)
     * @param nodeName  the node that failed, when QEMU knows it
     * @param operation read or write
     * @param action    ignore, report or stop
     * @param reason    QEMU's text (strerror)
     */
    record BlockIoError(Instant timestamp, String device, String nodeName, String operation, String action,
                        boolean nospace, String reason) implements MonitorEvent {
        public String name() { return "BLOCK_IO_ERROR"; }
    }

    /** The one-shot threshold set by {@code block-set-write-threshold} was crossed (it is now 0). */
    record BlockWriteThreshold(Instant timestamp, String nodeName, long amountExceeded, long writeThreshold)
            implements MonitorEvent {
        public String name() { return "BLOCK_WRITE_THRESHOLD"; }
    }

    // --- jobs ----------------------------------------------------------------------------------

    /** The generic job event every job emits at each state change (what the daemon follows). */
    record JobStatusChange(Instant timestamp, String id, JobStatus status) implements MonitorEvent {
        public String name() { return "JOB_STATUS_CHANGE"; }
    }

    /**
     * A block job finished. {@code error} is null on success; a cancel of a READY mirror or
     * active commit also ends here, without error.
     *
     * @param type   stream, commit, mirror, backup, create
     * @param device the job id (QEMU calls it device for history's sake)
     */
    record BlockJobCompleted(Instant timestamp, String type, String device, long len, long offset, long speed,
                             String error) implements MonitorEvent {
        public String name() { return "BLOCK_JOB_COMPLETED"; }
    }

    record BlockJobCancelled(Instant timestamp, String type, String device, long len, long offset, long speed)
            implements MonitorEvent {
        public String name() { return "BLOCK_JOB_CANCELLED"; }
    }

    /** @param operation read or write; {@code action} ignore, report, stop or enospc */
    record BlockJobError(Instant timestamp, String device, String operation, String action) implements MonitorEvent {
        public String name() { return "BLOCK_JOB_ERROR"; }
    }

    /** A mirror or active commit is in sync: {@code job-complete} now pivots. */
    record BlockJobReady(Instant timestamp, String type, String device, long len, long offset, long speed)
            implements MonitorEvent {
        public String name() { return "BLOCK_JOB_READY"; }
    }

    /** @param id the job id */
    record BlockJobPending(Instant timestamp, String type, String id) implements MonitorEvent {
        public String name() { return "BLOCK_JOB_PENDING"; }
    }

    /** Any other event, as QEMU sent it. */
    record Other(Instant timestamp, String name, JsonNode data) implements MonitorEvent {
    }

    /**
     * The typed form of one QEMU event.
     *
     * @param data the event's {@code data} member (a missing node or JSON null when it has none)
     */
    static MonitorEvent parse(String name, Instant t, JsonNode data) {
        return switch (name) {
            case "SHUTDOWN" -> new Shutdown(t, data.path("guest").asBoolean(false), text(data, "reason"));
            case "POWERDOWN" -> new Powerdown(t);
            case "RESET" -> new Reset(t, data.path("guest").asBoolean(false), text(data, "reason"));
            case "STOP" -> new Stop(t);
            case "RESUME" -> new Resume(t);
            case "SUSPEND" -> new Suspend(t);
            case "WAKEUP" -> new Wakeup(t);
            case "GUEST_PANICKED" -> new GuestPanicked(t, text(data, "action"));
            case "DEVICE_DELETED" -> new DeviceDeleted(t, text(data, "device"), text(data, "path"));
            case "DEVICE_TRAY_MOVED" -> new DeviceTrayMoved(t, text(data, "device"), text(data, "id"),
                    data.path("tray-open").asBoolean());
            case "VSERPORT_CHANGE" -> new VserportChange(t, text(data, "id"), data.path("open").asBoolean(false));
            case "BLOCK_IO_ERROR" -> new BlockIoError(t, text(data, "device"), text(data, "node-name"),
                    text(data, "operation"), text(data, "action"), data.path("nospace").asBoolean(false),
                    text(data, "reason"));
            case "BLOCK_WRITE_THRESHOLD" -> new BlockWriteThreshold(t, text(data, "node-name"),
                    data.path("amount-exceeded").asLong(), data.path("write-threshold").asLong());
            case "JOB_STATUS_CHANGE" -> jobStatusChange(t, data);
            case "BLOCK_JOB_COMPLETED" -> new BlockJobCompleted(t, text(data, "type"), text(data, "device"),
                    data.path("len").asLong(), data.path("offset").asLong(), data.path("speed").asLong(),
                    text(data, "error"));
            case "BLOCK_JOB_CANCELLED" -> new BlockJobCancelled(t, text(data, "type"), text(data, "device"),
                    data.path("len").asLong(), data.path("offset").asLong(), data.path("speed").asLong());
            case "BLOCK_JOB_ERROR" -> new BlockJobError(t, text(data, "device"), text(data, "operation"),
                    text(data, "action"));
            case "BLOCK_JOB_READY" -> new BlockJobReady(t, text(data, "type"), text(data, "device"),
                    data.path("len").asLong(), data.path("offset").asLong(), data.path("speed").asLong());
            case "BLOCK_JOB_PENDING" -> new BlockJobPending(t, text(data, "type"), text(data, "id"));
            default -> new Other(t, name, data);
        };
    }

    private static MonitorEvent jobStatusChange(Instant t, JsonNode data) {
        try {
            return new JobStatusChange(t, text(data, "id"), JobStatus.ofQapi(data.path("status").asText()));
        } catch (IllegalArgumentException newerQemu) {
            return new Other(t, "JOB_STATUS_CHANGE", data);   // a status this daemon does not know yet
        }
    }

    private static String text(JsonNode data, String field) {
        JsonNode v = data.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
