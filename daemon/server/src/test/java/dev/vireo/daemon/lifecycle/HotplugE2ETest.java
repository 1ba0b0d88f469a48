package dev.vireo.daemon.lifecycle;

import dev.vireo.client.VireoClient;
import dev.vireo.client.VireoException;
import dev.vireo.process.TestGuest;
import dev.vireo.qmp.QmpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Disk hotplug on a real guest (vireod, QEMU 7.2, TCG): the test guest's hotplug mode writes its
 * pattern to every /dev/vdb that appears and reports when it leaves.
 */
@DisabledIfSystemProperty(named = "vireo.skipE2E", matches = "true")
@Timeout(value = 6, unit = TimeUnit.MINUTES)
class HotplugE2ETest {
    @TempDir
    Path tmp;
    DaemonProcess daemon;

    @BeforeEach
    void setUp() throws Exception {
        daemon = DaemonProcess.start(tmp);
    }

    @AfterEach
    void stop() throws Exception {
        if (daemon != null) daemon.close();
    }

    @Test
    void aTwoLayerChainIsPluggedWrittenByTheGuestAndUnpluggedWithoutLeavingAnything() throws Exception {
        Path top = chain("c");
        try (VireoClient c = daemon.client()) {
            c.define(GuestDomains.domain(tmp, "hp", "hotplug"));
            c.start("hp");
            awaitBooted("hp");
            String fdsetsBefore = fdsets(c);

            c.call("attach-device", request("hp", "xml", diskXml(top), true, false));
            daemon.awaitConsole("hp", "VIREO-GUEST-VDB-WROTE");
            String live = c.dumpXml("hp", false);
            assertTrue(live.contains("<source file='" + top + "' index='2'/>") && live.contains("index='4'")
                    && live.contains("<source file='" + tmp.resolve("c-base.raw") + "'/>"), live);
            assertTrue(live.contains("<address type='pci' domain='0x0000' bus='0x00'"), live);
            assertFalse(c.dumpXml("hp", true).contains("vdb"), "--live alone leaves the stored definition");
            String during = fdsets(c);
            assertTrue(during.contains("vireo-image-2-rw") && during.contains("vireo-image-3-ro")
                    && during.contains("vireo-image-4-ro"), during);

            c.call("detach-disk", request("hp", "target", "vdb", true, false));
            daemon.awaitConsole("hp", "VIREO-GUEST-VDB-GONE");
            assertEquals(fdsetsBefore, fdsets(c), "no fd set of the disk is left");
            String nodes = c.qemuMonitorCommand("hp",
                    "{\"execute\":\"query-named-block-nodes\",\"arguments\":{\"flat\":true}}").toString();
            for (int image = 2; image <= 4; image++) {
                assertFalse(nodes.contains("libvirt-" + image + "-"), "no node of image " + image + " is left: " + nodes);
            }
            assertFalse(c.dumpXml("hp", false).contains("vdb"));
            c.destroy("hp");
        }
        // the guest's writes are in the top image; the layers below are untouched
        assertReads(top, "qcow2", "0x5a");
        assertReads(tmp.resolve("c-base.raw"), "raw", "0x00");
    }

    @Test
    void aPersistentAttachSurvivesARestartAndADetachedConfigDiskStaysAway() throws Exception {
        Path top = chain("p");
        try (VireoClient c = daemon.client()) {
            c.define(GuestDomains.domain(tmp, "per", "hotplug"));
            c.start("per");
            awaitBooted("per");
            Map<String, Object> persistent = request("per", "xml", diskXml(top), false, false);
            persistent.put("persistent", true);
            c.call("attach-device", persistent);
            daemon.awaitConsole("per", "VIREO-GUEST-VDB-WROTE");
            String stored = c.dumpXml("per", true);
            assertTrue(stored.contains("<source file='" + top + "'/>") && !stored.contains("<backingStore"), stored);

            c.destroy("per");
            c.start("per");
            // at boot the guest finds vdb already there
            daemon.awaitConsole("per", "VIREO-GUEST-VDB-WROTE");
            assertTrue(c.dumpXml("per", false).contains("<source file='" + top + "' index='2'/>"));

            c.call("detach-disk", request("per", "target", "vdb", false, true));
            assertFalse(c.dumpXml("per", true).contains("vdb"), "--config removes it from the stored definition");
            assertTrue(c.dumpXml("per", false).contains("vdb"), "--config alone leaves the guest's disk");
            c.destroy("per");
            c.start("per");
            assertFalse(c.dumpXml("per", false).contains("vdb"));
            c.destroy("per");

            // shut off, --config (and no flag but --current) work on the stored definition alone
            Map<String, Object> current = request("per", "xml", diskXml(top), false, false);
            c.call("attach-device", current);
            assertTrue(c.dumpXml("per", true).contains("<target dev='vdb' bus='virtio'/>"));
            VireoException running = assertThrows(VireoException.class,
                    () -> c.call("detach-disk", request("per", "target", "vdb", true, false)));
            assertTrue(running.getMessage().contains("domain 'per' is not running"), running.getMessage());
            c.call("detach-disk", request("per", "target", "vdb", false, true));
            assertFalse(c.dumpXml("per", true).contains("vdb"));
        }
    }

    @Test
    void badRequestsAreRefusedWithTheirMessageAndChangeNothing() throws Exception {
        Path loopA = tmp.resolve("loop-a.qcow2");
        Path loopB = tmp.resolve("loop-b.qcow2");
        GuestDomains.run("qemu-img", "create", "-q", "-f", "qcow2", loopA.toString(), "64M");
        GuestDomains.run("qemu-img", "create", "-q", "-f", "qcow2", "-b", "loop-a.qcow2", "-F", "qcow2", loopB.toString());
        GuestDomains.run("qemu-img", "rebase", "-q", "-u", "-f", "qcow2", "-b", "loop-b.qcow2", "-F", "qcow2", loopA.toString());
        Path top = chain("b");
        try (VireoClient c = daemon.client()) {
            c.define(GuestDomains.domain(tmp, "bad", "idle"));
            c.start("bad");
            String live = c.dumpXml("bad", false);
            String stored = c.dumpXml("bad", true);
            String fdsets = fdsets(c);

            assertRefused(c, "detach-disk", request("bad", "target", "vdz", true, false),
                    "No disk found whose source path or target is vdz");
            assertRefused(c, "attach-device", request("bad", "xml", diskXml(top).replace("vdb", "vda"), true, true),
                    "target vda already exists");
            assertRefused(c, "attach-device", request("bad", "xml", diskXml(loopB), true, false),
                    "disk 'vdb': " + loopA + ": backing file 'loop-b.qcow2' (" + loopB + ") is " + loopB
                            + ", already layer 0 of the chain: backing chain loop");
            assertRefused(c, "attach-device", request("bad", "xml",
                    "<interface type='user'><model type='virtio'/></interface>", true, false),
                    "attach-device supports only <disk> devices for now, not <interface>");
            assertRefused(c, "attach-device", request("bad", "xml", diskXml(top).replace("vdb", "hdb")
                    .replace("bus='virtio'", "bus='ide'"), true, false), "disk bus 'ide' cannot be hotplugged");

            assertEquals(live, c.dumpXml("bad", false));
            assertEquals(stored, c.dumpXml("bad", true));
            assertEquals(fdsets, fdsets(c));
            String nodes = c.qemuMonitorCommand("bad",
                    "{\"execute\":\"query-named-block-nodes\",\"arguments\":{\"flat\":true}}").toString();
            assertFalse(nodes.contains("libvirt-2-"), nodes);
            c.destroy("bad");
        }
    }

    @Test
    void onQ35TheDiskTakesTheSpareRootPortAndWithNoneFreeAttachIsRefused() throws Exception {
        Path top = chain("q");
        Path other = tmp.resolve("q-other.qcow2");
        GuestDomains.run("qemu-img", "create", "-q", "-f", "qcow2", other.toString(), "16M");
        try (VireoClient c = daemon.client()) {
            // as libvirt 9 defines it: a root port for each PCIe device, and one spare, index 4, for hotplug
            c.define(GuestDomains.domain(tmp, "q", "hotplug").replace("machine='pc'", "machine='q35'"));
            String stored = c.dumpXml("q", true);
            assertTrue(stored.contains("<controller type='pci' index='4' model='pcie-root-port'>")
                    && !stored.contains("index='5' model='pcie-root-port'"), stored);
            c.start("q");
            awaitBooted("q");
            String fdsetsBefore = fdsets(c);
            String nodesBefore = nodes(c, "q");

            assertEquals(Map.of("disk", "vdb", "live", true, "config", false),
                    c.call("attach-device", request("q", "xml", diskXml(top), true, false)));
            awaitCount("q", "VIREO-GUEST-VDB-WROTE", 1);
            String live = c.dumpXml("q", false);
            assertTrue(live.contains("<address type='pci' domain='0x0000' bus='0x04' slot='0x00' function='0x0'/>"), live);

            // the spare port is taken: QEMU cannot plug a new root port, so the attach is refused
            assertRefused(c, "attach-device", request("q", "xml", diskXml(other).replace("vdb", "vdc"), true, false),
                    "No more available PCI slots: domain 'q' (q35) has no free pcie-root-port; define one more "
                            + "<controller type='pci' model='pcie-root-port'/> for each disk to plug");
            assertEquals(live, c.dumpXml("q", false));
            assertFalse(fdsets(c).contains("vireo-image-5-"), "nothing of the refused disk is left");

            assertEquals(Map.of("disk", "vdb", "live", true, "config", false, "pending", false),
                    c.call("detach-disk", request("q", "target", "vdb", true, false)));
            awaitCount("q", "VIREO-GUEST-VDB-GONE", 1);
            assertEquals(fdsetsBefore, fdsets(c));
            assertEquals(nodesBefore, nodes(c, "q"));
            assertFalse(c.dumpXml("q", false).contains("vdb"));

            // the port is free again: the other disk goes there, and the guest sees it (as its vdb)
            c.call("attach-device", request("q", "xml", diskXml(other).replace("vdb", "vdc"), true, false));
            awaitCount("q", "VIREO-GUEST-VDB-WROTE", 2);
            assertTrue(c.dumpXml("q", false).contains("bus='0x04' slot='0x00'"));
            c.destroy("q");
        }
        assertReads(top, "qcow2", "0x5a");
        assertReads(other, "qcow2", "0x5a");
    }

    /**
     * As libvirt: a detach whose guest does not let go (here: paused) ends after the wait with the
     * disk still in the live XML, and is finished whenever QEMU deletes the device: when its event
     * reaches a restarted daemon, and when it came while no daemon ran (found by the recovery).
     */
    @Test
    void aDiskTheGuestHoldsIsRemovedWhenItLetsGoAlsoAcrossADaemonRestart() throws Exception {
        Path first = chain("h1");
        Path second = chain("h2");
        Path monitor;
        String fdsetsBefore;
        String nodesBefore;
        try (VireoClient c = daemon.client()) {
            c.define(GuestDomains.domain(tmp, "hold", "hotplug"));
            c.start("hold");
            awaitBooted("hold");
            fdsetsBefore = fdsets(c);
            nodesBefore = nodes(c, "hold");
            c.call("attach-device", request("hold", "xml", diskXml(first), true, false));
            awaitCount("hold", "VIREO-GUEST-VDB-WROTE", 1);
            c.suspend("hold");
            assertEquals(Map.of("disk", "vdb", "live", true, "config", false, "pending", true),
                    c.call("detach-disk", request("hold", "target", "vdb", true, false)));
            assertTrue(c.dumpXml("hold", false).contains("<target dev='vdb' bus='virtio'/>"), "the guest still has it");
            assertNotEquals(nodesBefore, nodes(c, "hold"), "its nodes stay while the guest holds it");
        }
        try (var files = Files.list(tmp.resolve("run/qemu"))) {
            monitor = files.filter(f -> f.toString().endsWith(".monitor")).findFirst().orElseThrow();
        }

        daemon.restart();
        try (VireoClient c = daemon.client(); VireoClient events = daemon.client()) {
            events.subscribe("hold");
            c.resume("hold");
            List<String> removed = new ArrayList<>();
            events.eventLoop(Duration.ofSeconds(90), e -> {
                if (e.kind().equals("device-removed")) removed.add(e.event());
                return removed.isEmpty();
            });
            assertEquals(List.of("virtio-disk1"), removed);
            awaitCount("hold", "VIREO-GUEST-VDB-GONE", 1);
            assertFalse(c.dumpXml("hold", false).contains("vdb"));
            assertEquals(fdsetsBefore, fdsets(c));
            assertEquals(nodesBefore, nodes(c, "hold"));

            c.call("attach-device", request("hold", "xml", diskXml(second), true, false));
            awaitCount("hold", "VIREO-GUEST-VDB-WROTE", 2);
            c.suspend("hold");
            assertEquals(Boolean.TRUE, ((Map<?, ?>) c.call("detach-disk", request("hold", "target", "vdb", true, false))).get("pending"));
        }
        // the guest lets go while no daemon runs: only QEMU hears of it
        daemon.stop();
        try (QmpClient qmp = QmpClient.connect(monitor)) {
            qmp.execute("cont");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            while (qmp.execute("qom-list", Map.of("path", "/machine/peripheral")).toString().contains("virtio-disk1")) {
                assertTrue(System.nanoTime() < deadline, "the guest released vdb");
                Thread.sleep(100);
            }
        }
        daemon.start();
        try (VireoClient c = daemon.client()) {
            assertFalse(c.dumpXml("hold", false).contains("vdb"), "the recovery finished the removal");
            assertEquals(fdsetsBefore, fdsets(c));
            assertEquals(nodesBefore, nodes(c, "hold"));
            assertEquals("running", c.domState("hold").state());
            c.destroy("hold");
        }
        assertReads(first, "qcow2", "0x5a");
        assertReads(second, "qcow2", "0x5a");
    }

    /** Waits until the guest printed a line starting with {@code marker} at least {@code count} times. */
    private void awaitCount(String name, String marker, int count) throws Exception {
        Path console = tmp.resolve(name + ".console");
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        for (;;) {
            String text = Files.exists(console) ? Files.readString(console, StandardCharsets.ISO_8859_1) : "";
            long seen = text.substring(0, text.lastIndexOf('\n') + 1).lines().filter(l -> l.startsWith(marker)).count();
            if (seen >= count) return;
            if (System.nanoTime() > deadline) throw new AssertionError(count + " x " + marker + " expected in " + console + ":\n" + text);
            Thread.sleep(50);
        }
    }

    /** The guest's block node names, sorted. */
    private static String nodes(VireoClient c, String domain) throws Exception {
        String all = c.qemuMonitorCommand(domain, "{\"execute\":\"query-named-block-nodes\",\"arguments\":{\"flat\":true}}").toString();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"node-name\" *: *\"([^\"]+)\"").matcher(all);
        java.util.TreeSet<String> names = new java.util.TreeSet<>();
        while (m.find()) names.add(m.group(1));
        return names.toString();
    }

    /**
     * Waits until the guest's init runs. A disk plugged while the firmware still runs is found by
     * the kernel at boot, and the test guest's kernel then never notices its unplug (QEMU does:
     * DEVICE_DELETED comes, the device is gone from query-pci, but /dev/vdb stays in the guest).
     */
    private void awaitBooted(String name) throws Exception {
        daemon.awaitConsole(name, TestGuest.READY);
    }

    private static void assertRefused(VireoClient c, String op, Map<String, Object> args, String message) {
        VireoException e = assertThrows(VireoException.class, () -> c.call(op, args));
        assertTrue(e.getMessage().contains(message), "expected '" + message + "' in: " + e.getMessage());
    }

    private static Map<String, Object> request(String domain, String key, String value, boolean live, boolean config) {
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("domain", domain);
        args.put(key, value);
        args.put("live", live);
        args.put("config", config);
        return args;
    }

    private static String diskXml(Path top) {
        return """
                <disk type='file' device='disk'>
                  <driver name='qemu' type='qcow2'/>
                  <source file='%s'/>
                  <target dev='vdb' bus='virtio'/>
                </disk>
                """.formatted(top);
    }

    /** raw base (zeros) <- qcow2 <- qcow2 top, by relative backing names. */
    private Path chain(String prefix) throws Exception {
        GuestDomains.run("qemu-img", "create", "-q", "-f", "raw", tmp.resolve(prefix + "-base.raw").toString(), "16M");
        GuestDomains.run("qemu-img", "create", "-q", "-f", "qcow2", "-b", prefix + "-base.raw", "-F", "raw",
                tmp.resolve(prefix + "-mid.qcow2").toString());
        Path top = tmp.resolve(prefix + "-top.qcow2");
        GuestDomains.run("qemu-img", "create", "-q", "-f", "qcow2", "-b", prefix + "-mid.qcow2", "-F", "qcow2", top.toString());
        return top;
    }

    private static String fdsets(VireoClient c) throws Exception {
        String domain = c.list(false).getFirst().name();
        return c.qemuMonitorCommand(domain, "{\"execute\":\"query-fdsets\"}").toString();
    }

    /** What the layer itself holds (its backing switched off), 1 MiB from offset 0. */
    private static void assertReads(Path image, String format, String pattern) throws Exception {
        String spec = format.equals("raw") ? image.toString()
                : "json:{\"driver\":\"qcow2\",\"backing\":null,\"file\":{\"driver\":\"file\",\"filename\":\"" + image + "\"}}";
        String out = format.equals("raw")
                ? GuestDomains.run("qemu-io", "-r", "-f", "raw", "-c", "read -P " + pattern + " 0 1M", spec)
                : GuestDomains.run("qemu-io", "-r", "-c", "read -P " + pattern + " 0 1M", spec);
        assertFalse(out.contains("Pattern verification failed"), image + ": " + out);
    }
}
