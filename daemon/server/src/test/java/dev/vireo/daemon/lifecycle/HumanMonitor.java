package dev.vireo.daemon.lifecycle;

import dev.vireo.client.VireoClient;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * HMP commands the end-to-end tests send to a guest's QEMU through the daemon's monitor
 * pass-through ({@code qemu-monitor-command}, wrapped in {@code human-monitor-command}).
 */
final class HumanMonitor {

    private HumanMonitor() {
    }

    /** Runs an HMP command that prints nothing when it works ({@code qemu-io ...}); any output fails the test. */
    static void hmp(VireoClient c, String domain, String command) throws Exception {
        String reply = c.qemuMonitorCommand(domain, "{\"execute\":\"human-monitor-command\",\"arguments\":"
                + "{\"command-line\":\"" + command + "\"}}");
        assertEquals("{\"return\":\"\"}", reply, command);
    }

    /**
     * Writes QEMU's cached image metadata out (HMP {@code qemu-io TARGET flush}), so that a reader
     * beside QEMU (qemu-img, qemu-io) sees what the guest sees.
     *
     * @param target a node name ({@code libvirt-1-format}), or {@code -d} and a device's QOM path
     */
    static void flush(VireoClient c, String domain, String target) throws Exception {
        hmp(c, domain, "qemu-io " + target + " flush");
    }
}
