package dev.vireo.daemon.lifecycle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vireo.client.VireoClient;
import dev.vireo.client.VireoException;
import dev.vireo.process.TestGuest;
import dev.vireo.protocol.DiskStats;
import dev.vireo.protocol.DomainEvent;
import dev.vireo.protocol.ErrorCodes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Live disk administration against TCG guests (real vireod, QEMU 7.2): resize while the guest
 * watches its disk size and while shut off, I/O limits measured with QEMU's own counters, write
 * thresholds and their one-shot events (also across a daemon restart), statistics, bad input.
 */
@DisabledIfSystemProperty(named = "vireo.skipE2E", matches = "true")
@Timeout(value = 6, unit = TimeUnit.MINUTES)
class DiskAdminE2ETest {
    private static final long MIB = 1 << 20;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;
    DaemonProcess daemon;

    @AfterEach
    void stop() throws Exception {
        if (daemon != null) daemon.close();
    }

    @Test
    void growWhileRunningTheGuestSeesItShrinkAndReadOnlyRefusedOfflineResizeByTheDaemon() throws Exception {
        daemon = DaemonProcess.start(tmp);
        Path image = GuestDomains.image(tmp, "rs");
        try (VireoClient c = daemon.client()) {
            c.define(domain("rs", "size", image, "", "<disk type='file' device='cdrom'><target dev='hdc' bus='ide'/><readonly/></disk>"));
            c.start("rs");
            daemon.awaitConsole("rs", "VIREO-GUEST-SIZE 131072"); // 64 MiB in sectors
            Map<?, ?> grown = (Map<?, ?>) c.call("blockresize", resize("rs", "vda", 128 * MIB, false));
            assertEquals(List.of(128 * MIB, 64 * MIB), List.of(number(grown.get("size")), number(grown.get("previous"))));
            daemon.awaitConsole("rs", "VIREO-GUEST-SIZE 262144"); // the guest saw it at once

            VireoException shrink = assertThrows(VireoException.class, () -> c.call("blockresize", resize("rs", "vda", 32 * MIB, false)));
            assertEquals(ErrorCodes.INVALID_ARGUMENT, shrink.code());
            assertEquals("disk 'vda': 33554432 bytes is smaller than its current size of 134217728 bytes: shrinking "
                    + "loses the data past the new end; give --shrink to do it anyway", shrink.getMessage());
            VireoException readOnly = assertThrows(VireoException.class, () -> c.call("blockresize", resize("rs", "hdc", MIB, false)));
            assertEquals("can't resize empty or readonly disk 'hdc'", readOnly.getMessage());
            VireoException unknown = assertThrows(VireoException.class, () -> c.call("blockresize", resize("rs", "vdz", MIB, false)));
            assertTrue(unknown.getMessage().startsWith("invalid path: vdz: domain 'rs' has no"), unknown.getMessage());
            assertEquals(128 * MIB, formatNodeSize(c, "rs", "libvirt-1-format"), "nothing changed");
            c.destroy("rs");
            assertEquals(128 * MIB, virtualSize(image));

            // shut off: the daemon resizes the image (qemu-img, under the image lock); shrinking still needs the flag
            c.call("blockresize", resize("rs", image.toString(), 200 * MIB + 1, false));
            assertEquals(200 * MIB + 512, virtualSize(image), "qcow2 sizes round up to 512 as libvirt does");
            assertThrows(VireoException.class, () -> c.call("blockresize", resize("rs", "vda", 64 * MIB, false)));
            Map<String, Object> shrinkArgs = resize("rs", "vda", 64 * MIB, false);
            shrinkArgs.put("shrink", true);
            c.call("blockresize", shrinkArgs);
            assertEquals(64 * MIB, virtualSize(image));

            // an image another process has open for writing is never resized under it
            Process writer = new ProcessBuilder("qemu-io", "-f", "qcow2", image.toString()).redirectErrorStream(true).start();
            try {
                Thread.sleep(1000); // qemu-io takes its lock as it opens the image, before it reads commands
                VireoException locked = assertThrows(VireoException.class, () -> c.call("blockresize", resize("rs", "vda", 80 * MIB, false)));
                assertTrue(locked.getMessage().startsWith("cannot resize " + image + ": "), locked.getMessage());
                assertTrue(locked.getMessage().contains("lock"), locked.getMessage());
            } finally {
                writer.destroy();
                writer.waitFor(30, TimeUnit.SECONDS);
            }
            assertEquals(64 * MIB, virtualSize(image));
        }
    }

    @Test
    void aOneMibLimitHoldsAGuestWritingFlatOutWithinTenPercentAndLiftingItRestoresTheSpeed() throws Exception {
        daemon = DaemonProcess.start(tmp);
        Path image = GuestDomains.image(tmp, "tt");
        try (VireoClient c = daemon.client()) {
            c.define(domain("tt", "stream vireo.mib=8", image, "", ""));
            c.start("tt");
            daemon.awaitConsole("tt", "VIREO-GUEST-STREAM 2");
            double free = writeRate(c, "tt", Duration.ofSeconds(8));

            c.call("blkdeviotune", iotune("tt", "vda", Map.of("write_bytes_sec", MIB), true, false));
            Thread.sleep(3000); // the bucket's burst allowance drains first
            double limited = writeRate(c, "tt", Duration.ofSeconds(20));
            System.out.printf("write rate: %.2f MiB/s free, %.3f MiB/s at a 1 MiB/s limit%n", free / MIB, limited / MIB);
            assertTrue(Math.abs(limited - MIB) <= 0.1 * MIB, "limited rate " + limited + " B/s is not within 10% of 1 MiB/s");
            assertTrue(free > 3 * MIB, "the guest writes faster than the limit when free: " + free + " B/s");
            Map<?, ?> live = (Map<?, ?>) c.call("blkdeviotune", iotune("tt", "vda", Map.of(), false, false));
            assertEquals(MIB, number(live.get("write_bytes_sec")));
            assertEquals("", live.get("group_name"));

            c.call("blkdeviotune", iotune("tt", "vda", Map.of("write_bytes_sec", 0L), true, false));
            Thread.sleep(2000);
            double lifted = writeRate(c, "tt", Duration.ofSeconds(8));
            System.out.printf("write rate after lifting the limit: %.2f MiB/s%n", lifted / MIB);
            assertTrue(lifted > 3 * MIB, "lifting the limit restores the speed: " + lifted + " B/s");

            // refused as libvirt refuses it, and nothing changed
            VireoException mixed = assertThrows(VireoException.class, () -> c.call("blkdeviotune",
                    iotune("tt", "vda", Map.of("total_bytes_sec", MIB, "read_bytes_sec", MIB), true, false)));
            assertEquals("total and read/write of bytes_sec cannot be set at the same time", mixed.getMessage());
            VireoException noDisk = assertThrows(VireoException.class, () -> c.call("blkdeviotune",
                    iotune("tt", "vdq", Map.of("total_bytes_sec", MIB), true, false)));
            assertEquals("disk 'vdq' was not found in the domain config", noDisk.getMessage());
            assertEquals(0L, number(((Map<?, ?>) c.call("blkdeviotune", iotune("tt", "vda", Map.of(), false, false))).get("total_bytes_sec")));
        }
    }

    @Test
    void aThresholdOnAGrowingQcow2FiresExactlyOnceWithItsNumbersAndSurvivesADaemonRestart() throws Exception {
        daemon = DaemonProcess.start(tmp);
        Path image = GuestDomains.image(tmp, "th");
        // <iotune> from the definition applies at start: the guest fills its image slowly enough to restart the daemon
        String iotune = "<iotune><write_bytes_sec>262144</write_bytes_sec></iotune>";
        try (VireoClient c = daemon.client()) {
            c.define(domain("th", "stream vireo.mib=12", image, iotune, ""));
            c.start("th");
            Map<?, ?> limits = (Map<?, ?>) c.call("blkdeviotune", iotune("th", "vda", Map.of(), true, false));
            assertEquals(262144L, number(limits.get("write_bytes_sec")), "QEMU applies the stored <iotune>");

            VireoException beyond = assertThrows(VireoException.class, () -> c.call("domblkthreshold", threshold("th", "vda", 65 * MIB)));
            assertEquals("threshold 68157440 is beyond the capacity of 'vda' (67108864 bytes)", beyond.getMessage());
            VireoException noLayer = assertThrows(VireoException.class, () -> c.call("domblkthreshold", threshold("th", "vda[7]", MIB)));
            assertEquals("failed to find backing index '7' in chain for 'vda' (see domblklist --details)", noLayer.getMessage());
            Map<?, ?> set = (Map<?, ?>) c.call("domblkthreshold", threshold("th", "vda", 8 * MIB));
            assertEquals(List.of("vda", "libvirt-1-storage", 8 * MIB), List.of(set.get("dev"), set.get("node"), number(set.get("threshold"))));
            assertEquals(8 * MIB, number(stats(c, "th").get("block.0.threshold")));
        }
        daemon.restart(); // QEMU keeps the threshold on its node; the new daemon gets the event
        try (VireoClient c = daemon.client(); VireoClient listener = daemon.client()) {
            listener.subscribe("th");
            List<DomainEvent> events = new ArrayList<>();
            listener.eventLoop(Duration.ofSeconds(120), e -> {
                if (e.kind().equals("block-threshold")) events.add(e);
                return events.isEmpty();
            });
            assertEquals(1, events.size(), "the threshold fired: " + events);
            DomainEvent e = events.getFirst();
            assertEquals("dev: vda(" + image + ")", e.event());
            long excess = Long.parseLong(e.fields().get("excess"));
            assertEquals(8 * MIB + " " + excess, e.detail());
            assertTrue(excess > 0 && excess <= 2 * MIB, "a write of at most 1 MiB (plus metadata) crossed it: " + excess);
            daemon.awaitConsole("th", "VIREO-GUEST-STREAM 1");
            JsonNode nodes = JSON.readTree(c.qemuMonitorCommand("th", "{\"execute\":\"query-named-block-nodes\"}"));
            for (JsonNode n : nodes.get("return")) assertEquals(0, n.get("write_threshold").asLong(), "one-shot: " + n);
            assertFalse(stats(c, "th").containsKey("block.0.threshold"));
            // and no second event for the rest of the pass (the file grows past 12 MiB)
            List<DomainEvent> later = new ArrayList<>();
            listener.eventLoop(Duration.ofSeconds(3), ev -> later.add(ev) && false);
            assertTrue(later.stream().noneMatch(ev -> ev.kind().equals("block-threshold")), later.toString());
        }
    }

    @Test
    void domstatsAndDomblkstatCountersEqualQueryBlockstatsAndDomblkerrorReportsNone() throws Exception {
        daemon = DaemonProcess.start(tmp);
        Path base = GuestDomains.image(tmp, "base");
        Path top = tmp.resolve("top.qcow2");
        GuestDomains.run("qemu-img", "create", "-q", "-f", "qcow2", "-b", base.toString(), "-F", "qcow2", top.toString(), "64M");
        try (VireoClient c = daemon.client()) {
            c.define(domain("st", "rewrite", top, "", ""));
            c.start("st");
            daemon.awaitConsole("st", "VIREO-GUEST-ROUND 2 ");
            c.suspend("st");
            Map<?, ?> all = (Map<?, ?>) ((List<?>) c.call("domstats", Map.of("domains", List.of("st"), "block", true,
                    "backing", true, "state", true))).getFirst();
            assertEquals("st", all.get("domain"));
            Map<?, ?> s = (Map<?, ?>) all.get("stats");
            JsonNode qemu = deviceStats(c, "st", "libvirt-1-format");
            DiskStats blk = c.domBlkStat("st", "vda");
            assertEquals(List.of("state.state", "state.reason", "block.count", "block.0.name", "block.0.path",
                    "block.0.backingIndex", "block.0.rd.reqs", "block.0.rd.bytes", "block.0.rd.times", "block.0.wr.reqs",
                    "block.0.wr.bytes", "block.0.wr.times", "block.0.fl.reqs", "block.0.fl.times", "block.0.allocation",
                    "block.0.capacity", "block.0.physical", "block.1.name", "block.1.path", "block.1.backingIndex",
                    "block.1.allocation", "block.1.capacity", "block.1.physical"), List.copyOf(s.keySet()));
            assertEquals(List.of(3L, 1L, 2L), List.of(number(s.get("state.state")), number(s.get("state.reason")), number(s.get("block.count"))));
            assertEquals(List.of("vda", top.toString(), 1L, "vda", base.toString(), 2L), List.of(s.get("block.0.name"),
                    s.get("block.0.path"), number(s.get("block.0.backingIndex")), s.get("block.1.name"), s.get("block.1.path"),
                    number(s.get("block.1.backingIndex"))));
            assertEquals(List.of(qemu.get("rd_operations").asLong(), qemu.get("rd_bytes").asLong(), qemu.get("wr_operations").asLong(),
                    qemu.get("wr_bytes").asLong(), qemu.get("flush_operations").asLong(), qemu.get("wr_total_time_ns").asLong()),
                    List.of(number(s.get("block.0.rd.reqs")), number(s.get("block.0.rd.bytes")), number(s.get("block.0.wr.reqs")),
                            number(s.get("block.0.wr.bytes")), number(s.get("block.0.fl.reqs")), number(s.get("block.0.wr.times"))));
            assertEquals(List.of(blk.wrReq(), blk.wrBytes()), List.of(number(s.get("block.0.wr.reqs")), number(s.get("block.0.wr.bytes"))));
            assertTrue(blk.wrBytes() >= 2 * MIB, "two rounds of 1 MiB: " + blk);
            assertEquals(64 * MIB, number(s.get("block.0.capacity")));
            assertTrue(number(s.get("block.0.allocation")) >= MIB, "the guest's writes reached 1 MiB into the file: " + s);
            assertEquals(List.of(), c.call("domblkerror", Map.of("domain", "st")));
            c.destroy("st");
            VireoException off = assertThrows(VireoException.class, () -> c.call("domblkerror", Map.of("domain", "st")));
            assertEquals(ErrorCodes.OPERATION_INVALID, off.code());
        }
    }

    @Test
    void aThresholdOnABackingLayerFiresOnceWhileAnActiveCommitWritesIntoIt() throws Exception {
        daemon = DaemonProcess.start(tmp);
        Path base = GuestDomains.image(tmp, "cbase");
        Path top = tmp.resolve("ctop.qcow2");
        GuestDomains.run("qemu-img", "create", "-q", "-f", "qcow2", "-b", base.toString(), "-F", "qcow2", top.toString(), "64M");
        try (VireoClient c = daemon.client(); VireoClient listener = daemon.client()) {
            c.define(domain("cm", "write vireo.mib=4", top, "", ""));
            c.start("cm");
            daemon.awaitConsole("cm", TestGuest.WROTE);
            Map<?, ?> set = (Map<?, ?>) c.call("domblkthreshold", threshold("cm", "vda[2]", MIB));
            assertEquals(List.of("vda[2]", "libvirt-2-storage"), List.of(set.get("dev"), set.get("node")));
            Map<?, ?> row = (Map<?, ?>) ((List<?>) c.call("domstats", Map.of("domains", List.of("cm"), "block", true,
                    "backing", true))).getFirst();
            assertEquals(MIB, number(((Map<?, ?>) row.get("stats")).get("block.1.threshold")));
            listener.subscribe("cm");
            VireoClient.JobRef job = c.blockCommit("cm", "vda", new VireoClient.CommitOptions(null, "vda[2]", false, true, false, false, 0));
            List<DomainEvent> thresholds = new ArrayList<>();
            listener.eventLoop(Duration.ofSeconds(120), e -> {
                if (e.kind().equals("block-threshold")) thresholds.add(e);
                return !(e.kind().equals("block-job") && "ready".equals(e.fields().get("status")));
            });
            c.blockJobPivot("cm", "vda");
            assertEquals(1, thresholds.size(), "the commit's writes into the base crossed it once: " + thresholds);
            DomainEvent e = thresholds.getFirst();
            assertEquals("dev: vda[2](" + base + ")", e.event());
            long excess = Long.parseLong(e.fields().get("excess"));
            assertEquals(MIB + " " + excess, e.detail());
            assertTrue(excess > 0 && excess <= 4 * MIB, "the commit wrote at most the guest's 4 MiB past it: " + excess);
            assertEquals("ACTIVE_COMMIT", job.kind());
            c.destroy("cm");
        }
    }

    @Test
    void domblkerrorNamesTheDiskThatRanOutOfSpace() throws Exception {
        daemon = DaemonProcess.start(tmp);
        // an 8 MiB tmpfs under a 64 MiB qcow2: the guest's 16 MiB of writes run out of space (the tests run as root)
        Path small = tmp.resolve("small");
        java.nio.file.Files.createDirectories(small);
        GuestDomains.run("mount", "-t", "tmpfs", "-o", "size=8m", "tmpfs", small.toString());
        try (VireoClient c = daemon.client()) {
            Path image = GuestDomains.image(small, "full");
            c.define(domain("full", "write vireo.mib=16", image, "", "").replace("<driver name='qemu' type='qcow2'/>",
                    "<driver name='qemu' type='qcow2' error_policy='stop'/>"));
            c.start("full");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (!c.domState("full").state().equals("paused")) {
                assertTrue(System.nanoTime() < deadline, "the guest never paused on ENOSPC: " + c.domState("full"));
                Thread.sleep(200);
            }
            assertEquals(List.of(Map.of("disk", "vda", "error", "no space")), c.call("domblkerror", Map.of("domain", "full")));
            c.destroy("full");
        } finally {
            if (daemon != null) daemon.close();
            daemon = null;
            GuestDomains.run("umount", small.toString());
        }
    }

    // --- helpers ----------------------------------------------------------------------------

    /** A TCG test guest in {@code mode} (with its switches) on a qcow2 {@code vda}, plus {@code more} devices. */
    private String domain(String name, String mode, Path image, String iotune, String more) throws Exception {
        TestGuest guest = GuestDomains.guest();
        return """
                <domain type='qemu'>
                  <name>%s</name>
                  <memory unit='MiB'>256</memory>
                  <vcpu>1</vcpu>
                  <os>
                    <type arch='x86_64' machine='pc'>hvm</type>
                    <kernel>%s</kernel>
                    <initrd>%s</initrd>
                    <cmdline>%s</cmdline>
                  </os>
                  <features><acpi/></features>
                  <devices>
                    <emulator>/usr/bin/qemu-system-x86_64</emulator>
                    <disk type='file' device='disk'>
                      <driver name='qemu' type='qcow2'/>
                      <source file='%s'/>
                      <target dev='vda' bus='virtio'/>
                      %s
                    </disk>
                    %s
                    <serial type='file'><source path='%s'/><target port='0'/></serial>
                  </devices>
                </domain>
                """.formatted(name, guest.kernel(), guest.initrd(), TestGuest.cmdline(mode), image, iotune, more,
                tmp.resolve(name + ".console"));
    }

    private static Map<String, Object> resize(String domain, String disk, long size, boolean shrink) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("domain", domain);
        a.put("disk", disk);
        a.put("size", size);
        a.put("shrink", shrink);
        return a;
    }

    private static Map<String, Object> iotune(String domain, String disk, Map<String, Long> values, boolean live, boolean config) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("domain", domain);
        a.put("disk", disk);
        a.put("values", new LinkedHashMap<>(values));
        a.put("live", live);
        a.put("config", config);
        return a;
    }

    private static Map<String, Object> threshold(String domain, String dev, long bytes) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("domain", domain);
        a.put("dev", dev);
        a.put("threshold", bytes);
        return a;
    }

    private static Map<?, ?> stats(VireoClient c, String domain) throws Exception {
        List<?> rows = (List<?>) c.call("domstats", Map.of("domains", List.of(domain), "block", true));
        return (Map<?, ?>) ((Map<?, ?>) rows.getFirst()).get("stats");
    }

    /** Bytes per second the guest wrote over {@code window}, from QEMU's own counter (domblkstat). */
    private static double writeRate(VireoClient c, String domain, Duration window) throws Exception {
        long before = c.domBlkStat(domain, "vda").wrBytes();
        long t0 = System.nanoTime();
        Thread.sleep(window.toMillis());
        long after = c.domBlkStat(domain, "vda").wrBytes();
        return (after - before) / ((System.nanoTime() - t0) / 1e9);
    }

    private static long formatNodeSize(VireoClient c, String domain, String node) throws Exception {
        JsonNode nodes = JSON.readTree(c.qemuMonitorCommand(domain, "{\"execute\":\"query-named-block-nodes\"}"));
        for (JsonNode n : nodes.get("return")) {
            if (node.equals(n.path("node-name").asText())) return n.path("image").path("virtual-size").asLong();
        }
        throw new AssertionError("no node " + node + ": " + nodes);
    }

    private static long virtualSize(Path image) throws Exception {
        return JSON.readTree(GuestDomains.run("qemu-img", "info", "-U", "--output=json", image.toString()))
                .get("virtual-size").asLong();
    }

    private static JsonNode deviceStats(VireoClient c, String domain, String node) throws Exception {
        JsonNode reply = JSON.readTree(c.qemuMonitorCommand(domain, "{\"execute\":\"query-blockstats\"}"));
        for (JsonNode e : reply.get("return")) {
            if (node.equals(e.path("node-name").asText())) return e.get("stats");
        }
        throw new AssertionError("no query-blockstats entry for " + node + ": " + reply);
    }

    private static long number(Object o) {
        return ((Number) o).longValue();
    }
}
