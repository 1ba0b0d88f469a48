package dev.vireo.daemon.lifecycle;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What a domain event says, typed, as the {@link EventBus} carries it to subscribers. On the wire
 * every event has {@code domain}, {@code kind}, {@code event} and {@code detail} (what {@code vireo
 * event} prints, in virsh's words) and then the typed fields of its kind.
 */
public sealed interface EventPayload {

    /** The wire's {@code kind}: lifecycle, reboot, io-error, block-job, block-threshold, tray-change, device-removed. */
    String kind();

    /** virsh's first word(s) for it. */
    String event();

    /** virsh's rest of the line. */
    String detail();

    /** The typed fields beyond kind, event and detail. */
    default void addFields(ObjectNode o) {
    }

    /** @param event virsh's event word ({@code Started}); {@code detail} its detail word ({@code Booted}) */
    record Lifecycle(String event, String detail) implements EventPayload {
        public String kind() { return "lifecycle"; }
    }

    record Reboot() implements EventPayload {
        public String kind() { return "reboot"; }
        public String event() { return ""; }
        public String detail() { return ""; }
    }

    /**
     * A disk I/O error (QEMU's BLOCK_IO_ERROR).
     *
     * @param device the drive, {@code node} the block node (either may be empty), {@code action} report, ignore or stop
     */
    record IoError(String device, String node, String operation, String action, boolean nospace, String reason)
            implements EventPayload {
        public String kind() { return "io-error"; }
        public String event() { return device.isEmpty() && node != null ? node : device; }
        public String detail() { return action + " " + operation; }

        @Override
        public void addFields(ObjectNode o) {
            o.put("device", device).put("node", node).put("operation", operation).put("action", action)
                    .put("nospace", nospace).put("reason", reason);
        }
    }

    /**
     * A block job's milestone.
     *
     * @param path   the disk's top image after the job's change (virsh's {@code block-job} event names
     *               the disk by it, {@code block-job-2} by the target), or null for a disk without one
     * @param label  virsh's name for the job's kind ({@code Block Pull}, {@code Active Block Commit}, ...)
     * @param status ready, completed, failed or canceled
     * @param offset how far it got, of {@code length} bytes
     * @param error  QEMU's reason for a failure, or null
     */
    record BlockJob(String job, String disk, String path, String label, String status, long offset, long length,
                    String error)
            implements EventPayload {
        public String kind() { return "block-job"; }
        public String event() { return label; }
        public String detail() { return "for " + disk + " " + status; }

        @Override
        public void addFields(ObjectNode o) {
            o.put("job", job).put("disk", disk).put("path", path).put("status", status).put("offset", offset).put("length", length)
                    .put("error", error);
        }
    }

    /**
     * A write threshold was crossed (QEMU's BLOCK_WRITE_THRESHOLD; one-shot).
     *
     * @param dev  the layer as {@code domblkthreshold} named it: {@code vda}, or {@code vda[N]}
     * @param path the layer's image, or null when it is not a local file
     * @param node the storage node QEMU watched
     */
    record BlockThreshold(String dev, String path, String node, long threshold, long excess) implements EventPayload {
        public String kind() { return "block-threshold"; }
        public String event() { return "dev: " + dev + "(" + (path == null ? "<null>" : path) + ")"; }
        public String detail() { return threshold + " " + excess; }

        @Override
        public void addFields(ObjectNode o) {
            o.put("dev", dev).put("path", path).put("node", node).put("threshold", threshold).put("excess", excess);
        }
    }

    /**
     * A removable drive's tray opened or closed (QEMU's DEVICE_TRAY_MOVED), by the guest or by a
     * media change.
     *
     * @param alias the drive's device id ({@code ide0-1-0}, {@code scsi0-0-0-1})
     */
    record TrayChange(String alias, boolean open) implements EventPayload {
        public String kind() { return "tray-change"; }
        public String event() { return alias; }
        public String detail() { return open ? "opened" : "closed"; }

        @Override
        public void addFields(ObjectNode o) {
            o.put("alias", alias).put("open", open);
        }
    }

    /**
     * A device left the guest and the live definition (libvirt's device-removed), also when the
     * guest let go of it only after the detach command had stopped waiting.
     *
     * @param alias the device's id ({@code virtio-disk1})
     */
    record DeviceRemoved(String alias) implements EventPayload {
        public String kind() { return "device-removed"; }
        public String event() { return alias; }
        public String detail() { return ""; }

        @Override
        public void addFields(ObjectNode o) {
            o.put("alias", alias);
        }
    }

    /** The message pushed to subscribers. */
    static ObjectNode toJson(String domain, EventPayload p) {
        ObjectNode o = JsonNodeFactory.instance.objectNode().put("domain", domain).put("kind", p.kind())
                .put("event", p.event()).put("detail", p.detail());
        p.addFields(o);
        return o;
    }
}
