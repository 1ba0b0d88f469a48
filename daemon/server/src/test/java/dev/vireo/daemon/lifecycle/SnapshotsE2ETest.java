package dev.vireo.daemon.lifecycle;

import dev.vireo.client.SnapshotCalls;
import dev.vireo.client.VireoClient;
import dev.vireo.client.VireoException;
import dev.vireo.process.TestGuest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static dev.vireo.daemon.lifecycle.GuestDomains.awaitRound;
import static dev.vireo.daemon.lifecycle.GuestDomains.lastRound;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Disk-only snapshots end to end: a real TCG guest that rewrites its disk the whole time, vireod
 * as its own process (killed with -9 in between), qemu-img and qemu-io reading the images.
 */
@DisabledIfSystemProperty(named = "vireo.skipE2E", matches = "true")
@Timeout(value = 6, unit = TimeUnit.MINUTES)
class SnapshotsE2ETest {
    private static final SnapshotCalls.CreateFlags DISK_ONLY = new SnapshotCalls.CreateFlags(true, false, false, false, false, false);

    @TempDir
    Path tmp;

    @Test
    void liveSnapshotFreezesTheBaseKeepsWritingAndSurvivesAKill9() throws Exception {
        Path base = GuestDomains.image(tmp, "writer");
        try (DaemonProcess daemon = DaemonProcess.start(tmp)) {
            try (VireoClient c = daemon.client()) {
                c.define(GuestDomains.domain("writer", "rewrite", tmp.resolve("writer.console"), disk("vda", base)));
                c.start("writer");
                awaitRound(tmp.resolve("writer.console"), 1);
                SnapshotCalls s = new SnapshotCalls(c);
                assertEquals("before", s.create("writer", "<domainsnapshot><name>before</name>"
                        + "<description>before the upgrade</description></domainsnapshot>", DISK_ONLY));
                Path overlay = tmp.resolve("writer.before");
                String frozen = sha256(base);
                int round = lastRound(tmp.resolve("writer.console"));
                awaitRound(tmp.resolve("writer.console"), round + 2);
                assertEquals(frozen, sha256(base), "the base image no longer changes");
                String map = GuestDomains.run("qemu-img", "map", "-U", "--output=json", overlay.toString());
                assertTrue(map.contains("\"depth\": 0, \"present\": true, \"zero\": false, \"data\": true"),
                        "the guest's writes land in the overlay: " + map);
                GuestDomains.run("qemu-img", "check", "-U", overlay.toString());
                GuestDomains.run("qemu-img", "check", "-U", base.toString());
                String info = GuestDomains.run("qemu-img", "info", "-U", overlay.toString());
                assertTrue(info.contains("backing file: " + base + "\n"), "the header names the real base: " + info);

                String live = c.dumpXml("writer", false);
                assertTrue(live.contains("<source file='" + overlay + "' index='2'/>"), live);
                assertTrue(live.contains("<backingStore type='file' index='1'>\n        <format type='qcow2'/>\n"
                        + "        <source file='" + base + "'/>"), live);
                assertTrue(c.dumpXml("writer", true).contains("<source file='" + overlay + "'/>"));
                String listed = listing(s, "writer");
                String dumped = s.dumpXml("writer", "before");
                assertTrue(dumped.contains("<state>disk-snapshot</state>") && dumped.contains(
                        "<disk name='vda' snapshot='external' type='file'>\n      <driver type='qcow2'/>\n      <source file='"
                                + overlay + "'/>"), dumped);

                daemon.kill9();
                daemon.start();
                try (VireoClient again = daemon.client()) {
                    SnapshotCalls s2 = new SnapshotCalls(again);
                    assertEquals(listed, listing(s2, "writer"), daemon::log);
                    assertEquals(dumped, s2.dumpXml("writer", "before"));
                    assertEquals(live, again.dumpXml("writer", false));
                    assertEquals("running", again.domState("writer").state());
                    // still managed: a second snapshot on top, parent = the first
                    s2.create("writer", "<domainsnapshot><name>after</name></domainsnapshot>", DISK_ONLY);
                    assertEquals("before", s2.parent("writer", "after"));
                    assertTrue(again.dumpXml("writer", false).contains("<source file='" + tmp.resolve("writer.after") + "' index='3'/>"));
                    again.destroy("writer");
                }
            }
        }
    }

    @Test
    void twoDisksSwitchTogetherAndAFailedSecondOverlayLeavesBothAsTheyWere() throws Exception {
        Path a = GuestDomains.image(tmp, "a");
        Path b = GuestDomains.image(tmp, "b");
        try (DaemonProcess daemon = DaemonProcess.start(tmp);
             VireoClient c = daemon.client()) {
            c.define(GuestDomains.domain("two", "rewrite", tmp.resolve("two.console"), disk("vda", a) + disk("vdb", b)));
            c.start("two");
            awaitRound(tmp.resolve("two.console"), 1);
            SnapshotCalls s = new SnapshotCalls(c);
            String liveBefore = c.dumpXml("two", false);
            String fdsetsBefore = c.qemuMonitorCommand("two", "{\"execute\":\"query-fdsets\"}");
            VireoException failed = assertThrows(VireoException.class, () -> s.create("two",
                    "<domainsnapshot><name>broken</name><disks><disk name='vda'/><disk name='vdb'>"
                            + "<source file='" + tmp.resolve("no-such-dir/b.overlay") + "'/></disk></disks></domainsnapshot>",
                    DISK_ONLY));
            assertTrue(failed.getMessage().contains("no-such-dir/b.overlay"), failed.getMessage());
            assertFalse(Files.exists(tmp.resolve("a.broken")), "the first overlay was removed again");
            assertEquals(liveBefore, c.dumpXml("two", false));
            assertEquals(fdsetsBefore, c.qemuMonitorCommand("two", "{\"execute\":\"query-fdsets\"}"));
            assertEquals(List.of(), s.list("two"));

            s.create("two", "<domainsnapshot><name>both</name></domainsnapshot>", DISK_ONLY);
            String live = c.dumpXml("two", false);
            assertTrue(live.contains("<source file='" + tmp.resolve("a.both") + "' index='3'/>"), live);
            assertTrue(live.contains("<source file='" + tmp.resolve("b.both") + "' index='4'/>"), live);
            String nodes = c.qemuMonitorCommand("two", "{\"execute\":\"query-block\"}");
            assertTrue(nodes.contains("\"node-name\":\"libvirt-3-format\"") && nodes.contains("\"node-name\":\"libvirt-4-format\""), nodes);
            c.destroy("two");
        }
    }

    @Test
    void offlineSnapshotsDeleteMergeAndRevertKeepEveryByte() throws Exception {
        Path base = GuestDomains.image(tmp, "off");
        Path console = tmp.resolve("off.console");
        try (DaemonProcess daemon = DaemonProcess.start(tmp);
             VireoClient c = daemon.client()) {
            SnapshotCalls s = new SnapshotCalls(c);
            c.define(GuestDomains.domain("off", "write", console, disk("vda", base))
                    .replace("vireo.mode=write", "vireo.mode=write vireo.pattern=0x11 vireo.then=poweroff"));
            runToPowerOff(c, "off", console);
            s.create("off", "<domainsnapshot><name>s1</name></domainsnapshot>", DISK_ONLY);
            assertEquals("<source file='" + tmp.resolve("off.s1") + "'/>", sourceLine(c.dumpXml("off", true)));
            rewrite(c, "off", "0x11", "0x22");
            runToPowerOff(c, "off", console);
            s.create("off", "<domainsnapshot><name>s2</name></domainsnapshot>", DISK_ONLY);
            rewrite(c, "off", "0x22", "0x33");
            runToPowerOff(c, "off", console);
            s.create("off", "<domainsnapshot><name>s3</name></domainsnapshot>", DISK_ONLY);
            String s3 = tmp.resolve("off.s3").toString();
            assertEquals("s2", s.parent("off", "s3"));

            // the middle one: off.s2 goes into off.s1, off.s3 now names off.s1
            s.delete("off", "s2", false, false, false);
            assertFalse(Files.exists(tmp.resolve("off.s2")));
            assertTrue(GuestDomains.run("qemu-img", "info", s3).contains("backing file: " + tmp.resolve("off.s1") + "\n"));
            assertEquals("s1", s.parent("off", "s3"));
            GuestDomains.run("qemu-io", "-r", "-c", "read -P 0x33 0 1M", s3);
            // the current one: off.s3 (the top) goes into off.s1, which becomes the disk
            s.delete("off", "s3", false, false, false);
            assertFalse(Files.exists(tmp.resolve("off.s3")));
            assertEquals("<source file='" + tmp.resolve("off.s1") + "'/>", sourceLine(c.dumpXml("off", true)));
            GuestDomains.run("qemu-io", "-r", "-c", "read -P 0x33 0 1M", tmp.resolve("off.s1").toString());
            GuestDomains.run("qemu-io", "-r", "-f", "qcow2", "-c", "read -P 0x11 0 1M", base.toString());
            assertEquals("s1", new SnapshotCalls(c).info("off", null).name());

            // back to s1: a fresh overlay on the base, which still holds 0x11; the abandoned off.s1 stays
            s.revert("off", "s1");
            String source = sourceLine(c.dumpXml("off", true));
            assertTrue(source.startsWith("<source file='" + tmp.resolve("off.")) && !source.contains("off.s1"), source);
            String fresh = source.substring("<source file='".length(), source.length() - "'/>".length());
            assertTrue(Files.exists(tmp.resolve("off.s1")));
            assertTrue(GuestDomains.run("qemu-img", "info", fresh).contains("backing file: " + base + "\n"));
            rewrite(c, "off", "vireo.mode=write vireo.pattern=0x11 vireo.then=poweroff", "vireo.mode=idle");
            Files.deleteIfExists(console);
            c.start("off");
            daemon.awaitConsole("off", TestGuest.READY);
            GuestDomains.run("qemu-io", "-r", "-U", "-c", "read -P 0x11 0 1M", fresh);
            VireoException shared = assertThrows(VireoException.class, () -> s.delete("off", "s1", false, false, false));
            assertEquals("cannot delete snapshot 's1': its overlay " + tmp.resolve("off.s1") + " of disk vda is not in the"
                    + " chain the running domain uses; shut the domain down first, or add --metadata to drop only the metadata",
                    shared.getMessage());
            c.destroy("off");
            // off.qcow2 now carries the revert's overlay and off.s1: merging off.s1 into it would change the other
            shared = assertThrows(VireoException.class, () -> s.delete("off", "s1", false, false, false));
            assertEquals("cannot delete snapshot 's1': its base image " + base + " of disk vda is also the backing image of "
                    + fresh + " (another branch, e.g. after a revert); merging " + tmp.resolve("off.s1")
                    + " into it would change what that image holds", shared.getMessage());
            s.delete("off", "s1", false, false, true);
            assertEquals(List.of(), s.list("off"));
            assertTrue(Files.exists(tmp.resolve("off.s1")), "--metadata leaves the images alone");
        }
    }

    @Test
    void reuseExternalTakesTheAdministratorsOverlayOnceItIsCheckedOfflineAndLive() throws Exception {
        Path base = GuestDomains.image(tmp, "re");
        Path console = tmp.resolve("re.console");
        SnapshotCalls.CreateFlags reuse = new SnapshotCalls.CreateFlags(true, true, false, false, false, false);
        try (DaemonProcess daemon = DaemonProcess.start(tmp);
             VireoClient c = daemon.client()) {
            SnapshotCalls s = new SnapshotCalls(c);
            c.define(GuestDomains.domain("re", "rewrite", console, disk("vda", base)));
            String stored = c.dumpXml("re", true);
            Path raw = tmp.resolve("re-raw.img");
            Files.write(raw, new byte[1 << 20]);
            VireoException notQcow2 = assertThrows(VireoException.class, () -> s.create("re", reusing("bad", raw), reuse));
            assertTrue(notQcow2.getMessage().startsWith("existing file for disk vda is not a qcow2 image: " + raw + ": "),
                    notQcow2.getMessage());
            Path other = GuestDomains.image(tmp, "re-other");
            Path wrongBacking = overlay("re-wrong.qcow2", other.toString(), "qcow2", "64M");
            assertRefused("existing file " + wrongBacking + " for disk vda has backing file '" + other + "', not the disk's"
                    + " image " + base, () -> s.create("re", reusing("bad", wrongBacking), reuse));
            Path wrongFormat = overlay("re-format.qcow2", base.toString(), "raw", "64M");
            assertRefused("existing file " + wrongFormat + " for disk vda records backing format 'raw', not the disk's image"
                    + " format 'qcow2'; fix it with: qemu-img rebase -u -F qcow2 -b " + base + " " + wrongFormat,
                    () -> s.create("re", reusing("bad", wrongFormat), reuse));
            Path small = overlay("re-small.qcow2", base.toString(), "qcow2", "32M");
            assertRefused("existing file " + small + " for disk vda has virtual size 33554432 bytes, not the disk's 67108864",
                    () -> s.create("re", reusing("bad", small), reuse));
            assertEquals(stored, c.dumpXml("re", true));
            assertEquals(List.of(), s.list("re"));
            assertTrue(Files.exists(wrongBacking) && Files.exists(wrongFormat) && Files.exists(small), "refused files stay");

            // offline: an overlay naming its base relatively becomes the disk, its header untouched
            Path first = overlay("re-first.qcow2", "re.qcow2", "qcow2", "64M");
            s.create("re", reusing("first", first), reuse);
            assertEquals("<source file='" + first + "'/>", sourceLine(c.dumpXml("re", true)));
            assertEquals("re.qcow2", BlockPullE2ETest.backingOf(first));

            // live: the guest switches to a second one and writes into it; the first is frozen
            c.start("re");
            awaitRound(console, 1);
            Path second = overlay("re-second.qcow2", first.toString(), "qcow2", "64M");
            s.create("re", reusing("second", second), reuse);
            assertEquals(List.of("vda " + second, "vda[1] " + first, "vda[2] " + base), BlockPullE2ETest.chainOf(c, "re"));
            String frozen = sha256(first);
            awaitRound(console, lastRound(console) + 2);
            assertEquals(frozen, sha256(first), "the reused overlay's backing image no longer changes");
            String map = GuestDomains.run("qemu-img", "map", "-U", "--output=json", second.toString());
            assertTrue(map.contains("\"depth\": 0, \"present\": true, \"zero\": false, \"data\": true"), map);
            assertEquals("first", s.parent("re", "second"));
            // and it merges back like any other
            s.delete("re", "second", false, false, false);
            assertEquals(List.of("vda " + first, "vda[2] " + base), BlockPullE2ETest.chainOf(c, "re"));
            assertFalse(Files.exists(second));
            c.destroy("re");
            GuestDomains.run("qemu-img", "check", first.toString());
        }
    }

    /** A snapshot request that reuses {@code file} for vda. */
    private static String reusing(String name, Path file) {
        return "<domainsnapshot><name>" + name + "</name><disks><disk name='vda' snapshot='external'><source file='" + file
                + "'/></disk></disks></domainsnapshot>";
    }

    /** An overlay made by hand ({@code -u}: its backing image may be in use by a running QEMU). */
    private Path overlay(String name, String backing, String backingFormat, String size) throws Exception {
        Path file = tmp.resolve(name);
        GuestDomains.run("qemu-img", "create", "-q", "-f", "qcow2", "-F", backingFormat, "-b", backing, "-u",
                file.toString(), size);
        return file;
    }

    @Test
    void refusalsSayWhatIsWrongAndChangeNothing() throws Exception {
        Path base = GuestDomains.image(tmp, "r");
        try (DaemonProcess daemon = DaemonProcess.start(tmp);
             VireoClient c = daemon.client()) {
            SnapshotCalls s = new SnapshotCalls(c);
            Path lower = tmp.resolve("lower.qcow2");
            GuestDomains.run("qemu-img", "create", "-q", "-f", "qcow2", lower.toString(), "64M");
            GuestDomains.run("qemu-io", "-f", "qcow2", "-c", "write -P 0x42 0 8M", lower.toString());
            Path upper = tmp.resolve("upper.qcow2");
            GuestDomains.run("qemu-img", "create", "-q", "-f", "qcow2", "-F", "qcow2", "-b", lower.toString(), upper.toString());
            c.define(GuestDomains.domain("r", "idle", tmp.resolve("r.console"), disk("vda", base) + disk("vdb", upper)));
            String stored = c.dumpXml("r", true);
            SnapshotCalls.CreateFlags quiesce = new SnapshotCalls.CreateFlags(true, false, false, true, false, false);
            assertRefused("--quiesce needs a QEMU guest agent in the domain, which vireo does not support yet: take the"
                    + " snapshot without --quiesce", () -> s.create("r", null, quiesce));
            assertRefused("vireo takes disk-only snapshots only: add --disk-only",
                    () -> s.create("r", null, new SnapshotCalls.CreateFlags(false, false, false, false, false, false)));
            assertRefused("no disk named 'vdz'", () -> s.create("r",
                    "<domainsnapshot><disks><disk name='vdz'/></disks></domainsnapshot>", DISK_ONLY));
            assertRefused("disk-only snapshots require at least one disk to be selected for snapshot", () -> s.create("r",
                    "<domainsnapshot><disks><disk name='vda' snapshot='no'/><disk name='vdb' snapshot='no'/></disks></domainsnapshot>",
                    DISK_ONLY));
            assertRefused("external snapshot format for disk vda is unsupported: raw", () -> s.create("r",
                    "<domainsnapshot><disks><disk name='vda'><driver type='raw'/></disk></disks></domainsnapshot>", DISK_ONLY));
            Files.writeString(tmp.resolve("r.taken"), "data");
            assertRefused("external snapshot file for disk vda already exists and is not a block device: " + tmp.resolve("r.taken"),
                    () -> s.create("r", "<domainsnapshot><name>taken</name></domainsnapshot>", DISK_ONLY));
            assertRefused("missing existing file for disk vda: " + tmp.resolve("r.gone"), () -> s.create("r",
                    "<domainsnapshot><name>gone</name></domainsnapshot>", new SnapshotCalls.CreateFlags(true, true, false, false, false, false)));
            assertEquals(stored, c.dumpXml("r", true));
            assertEquals(List.of(), s.list("r"));

            s.create("r", "<domainsnapshot><name>one</name></domainsnapshot>", DISK_ONLY);
            assertRefused("domain snapshot one already exists", () -> s.create("r",
                    "<domainsnapshot><name>one</name></domainsnapshot>", DISK_ONLY));
            assertRefused("snapshot 'one' has no parent", () -> s.parent("r", "one"));
            assertRefused("no domain snapshot with matching name 'nope'", () -> s.dumpXml("r", "nope"));
            assertRefused("cannot undefine domain 'r' with 1 snapshot: add --snapshots-metadata to remove their metadata too"
                    + " (their image files stay)", () -> c.undefine("r"));
            c.start("r");
            VireoClient.JobRef pull = c.blockPull("r", "vdb", null, 4096, false);
            assertRefused("disk 'vdb' already in active block job", () -> s.create("r",
                    "<domainsnapshot><name>busy</name></domainsnapshot>", DISK_ONLY));
            assertFalse(Files.exists(tmp.resolve("r.busy")));
            // a job on another disk is no obstacle
            s.create("r", "<domainsnapshot><name>beside</name><disks><disk name='vdb' snapshot='no'/></disks></domainsnapshot>",
                    DISK_ONLY);
            assertTrue(c.dumpXml("r", false).contains("<source file='" + tmp.resolve("r.beside") + "'"));
            assertRefused("cannot delete snapshot 'one': disk 'vdb' already in active block job '" + pull.job()
                    + "' (Block Pull); wait for it to end or abort it with blockjob --abort",
                    () -> s.delete("r", "one", false, false, false));
            c.blockJobAbort("r", "vdb");
            assertRefused("cannot revert domain 'r' to disk-only snapshot 'one' while it runs: shut it down first (its memory"
                    + " is not part of the snapshot)", () -> s.revert("r", "one"));
            c.destroy("r");
            c.undefine("r", new VireoClient.UndefineOptions(false, false, false), true);
            assertFalse(Files.exists(tmp.resolve("state/snapshot/r")), "the metadata went with the definition");
            assertTrue(Files.exists(tmp.resolve("r.one")), "the overlay stays");
        }
    }

    private interface Call {
        void run() throws Exception;
    }

    private static void assertRefused(String message, Call call) {
        VireoException e = assertThrows(VireoException.class, call::run);
        assertEquals(message, e.getMessage());
    }

    private static String disk(String dev, Path image) {
        return """
                <disk type='file' device='disk'>
                  <driver name='qemu' type='qcow2'/>
                  <source file='%s'/>
                  <target dev='%s' bus='virtio'/>
                </disk>
                """.formatted(image, dev);
    }

    private static String listing(SnapshotCalls s, String domain) throws Exception {
        return s.list(domain).toString();
    }

    private static String sourceLine(String xml) {
        int at = xml.indexOf("<source file=");
        return xml.substring(at, xml.indexOf('>', at) + 1);
    }

    /** Defines the domain again with one text of its stored definition replaced. */
    private static void rewrite(VireoClient c, String domain, String from, String to) throws Exception {
        String xml = c.dumpXml(domain, true);
        assertTrue(xml.contains(from), xml);
        c.define(xml.replace(from, to));
    }

    private static void runToPowerOff(VireoClient c, String domain, Path console) throws Exception {
        Files.deleteIfExists(console);
        c.start(domain);
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (!c.domState(domain).state().equals("shut off")) {
            assertTrue(System.nanoTime() < deadline, "the guest wrote and powered off");
            Thread.sleep(100);
        }
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
