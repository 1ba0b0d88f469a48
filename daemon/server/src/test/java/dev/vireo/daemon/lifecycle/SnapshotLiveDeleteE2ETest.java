package dev.vireo.daemon.lifecycle;

import dev.vireo.client.SnapshotCalls;
import dev.vireo.client.VireoClient;
import dev.vireo.client.VireoException;
import dev.vireo.process.TestGuest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static dev.vireo.daemon.lifecycle.BlockPullE2ETest.backingOf;
import static dev.vireo.daemon.lifecycle.BlockPullE2ETest.chainOf;
import static dev.vireo.daemon.lifecycle.GuestDomains.awaitRound;
import static dev.vireo.daemon.lifecycle.GuestDomains.lastRound;
import static dev.vireo.daemon.lifecycle.HumanMonitor.flush;
import static dev.vireo.daemon.lifecycle.HumanMonitor.hmp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code snapshot-delete} of external snapshots of a running guest (QEMU 7.2, TCG) that rewrites
 * the start of its disk the whole time, while markers are written through the disk device at
 * each step (HMP {@code qemu-io -d}): the middle, the top and the last snapshot merged, then two
 * with {@code --children}, the guest on its base image at the end with every marker there byte for byte; an aborted merge that keeps
 * everything; and vireod killed with -9 during a merge, which its restart completes.
 */
@DisabledIfSystemProperty(named = "vireo.skipE2E", matches = "true")
@Timeout(value = 8, unit = TimeUnit.MINUTES)
class SnapshotLiveDeleteE2ETest {
    private static final SnapshotCalls.CreateFlags DISK_ONLY = new SnapshotCalls.CreateFlags(true, false, false, false, false, false);
    /** The disk device's QOM path (its id is libvirt's alias, virtio-disk0). */
    private static final String DEVICE = "/machine/peripheral/virtio-disk0/virtio-backend";

    @TempDir
    Path tmp;

    @Test
    void middleTopAndLastSnapshotsMergeIntoTheRunningChainKeepingEveryByte() throws Exception {
        Path base = GuestDomains.image(tmp, "live");
        Path console = tmp.resolve("live.console");
        try (DaemonProcess daemon = DaemonProcess.start(tmp);
             VireoClient c = daemon.client()) {
            SnapshotCalls s = new SnapshotCalls(c);
            c.define(GuestDomains.domain("live", "rewrite", console, disk(base)));
            c.start("live");
            awaitRound(console, 1);
            write(c, "live", 0x11, 8);
            s.create("live", "<domainsnapshot><name>s1</name></domainsnapshot>", DISK_ONLY);
            write(c, "live", 0x22, 9);
            s.create("live", "<domainsnapshot><name>s2</name></domainsnapshot>", DISK_ONLY);
            write(c, "live", 0x33, 10);
            s.create("live", "<domainsnapshot><name>s3</name></domainsnapshot>", DISK_ONLY);
            write(c, "live", 0x44, 11);
            Path o1 = tmp.resolve("live.s1");
            Path o2 = tmp.resolve("live.s2");
            Path o3 = tmp.resolve("live.s3");
            assertEquals(List.of("vda " + o3, "vda[3] " + o2, "vda[2] " + o1, "vda[1] " + base), chainOf(c, "live"));

            // the middle one: a plain commit of live.s2 into live.s1; live.s3 then names live.s1
            assertEquals(List.of("s2"), s.delete("live", "s2", false, false, false));
            assertFalse(Files.exists(o2), "the merged overlay is gone");
            assertEquals(o1.toString(), backingOf(o3));
            assertEquals(List.of("vda " + o3, "vda[2] " + o1, "vda[1] " + base), chainOf(c, "live"));
            assertEquals("s1", s.parent("live", "s3"));
            assertEquals(List.of("s1", "s3"), s.list("live").stream().map(SnapshotCalls.Row::name).toList());
            assertEquals("s3", s.info("live", null).name());
            write(c, "live", 0x55, 12);

            // the current one, the disk's top: an active commit into live.s1, pivoted
            s.delete("live", "s3", false, false, false);
            assertFalse(Files.exists(o3));
            assertEquals(List.of("vda " + o1, "vda[1] " + base), chainOf(c, "live"));
            assertTrue(c.dumpXml("live", true).contains("<source file='" + o1 + "'/>"), "the stored definition follows");
            assertEquals("s1", s.info("live", null).name(), "its parent is current now");
            write(c, "live", 0x66, 13);
            int round = lastRound(console);
            awaitRound(console, round + 1);

            // the last one: the guest ends on its base image
            s.delete("live", "s1", false, false, false);
            assertFalse(Files.exists(o1));
            assertEquals(List.of("vda " + base), chainOf(c, "live"));
            assertEquals(List.of(), s.list("live"));
            assertTrue(c.dumpXml("live", true).contains("<source file='" + base + "'/>"));
            write(c, "live", 0x77, 14);

            // --children: the leaf first (active commit), then its parent, now the top
            s.create("live", "<domainsnapshot><name>s4</name></domainsnapshot>", DISK_ONLY);
            write(c, "live", 0x88, 15);
            s.create("live", "<domainsnapshot><name>s5</name></domainsnapshot>", DISK_ONLY);
            write(c, "live", 0x99, 16);
            assertEquals(List.of("s5", "s4"), s.delete("live", "s4", true, false, false));
            assertFalse(Files.exists(tmp.resolve("live.s4")) || Files.exists(tmp.resolve("live.s5")));
            assertEquals(List.of("vda " + base), chainOf(c, "live"));
            assertEquals(List.of(), s.list("live"));
            round = lastRound(console);
            awaitRound(console, round + 2);
            assertEquals("running", c.domState("live").state());

            c.suspend("live");
            flush(c, "live", "-d " + DEVICE);
            int marker = 0x11;
            for (int mib = 8; mib <= 16; mib++, marker += 0x11) {
                GuestDomains.run("qemu-io", "-U", "-r", "-f", "qcow2", "-c",
                        "read -P 0x" + Integer.toHexString(marker) + " " + mib + "M 1M", base.toString());
            }
            assertRewriteAreaConsistent(base, console);
            c.resume("live");
            awaitRound(console, lastRound(console) + 1);
            c.destroy("live");
            GuestDomains.run("qemu-img", "check", base.toString());
        }
    }

    @Test
    void anAbortedMergeKeepsEverythingAndAMergeKilledMidwayCompletesAfterTheRestart() throws Exception {
        Path base = GuestDomains.image(tmp, "kill");
        Path console = tmp.resolve("kill.console");
        Path overlay = tmp.resolve("kill.s1");
        try (DaemonProcess daemon = DaemonProcess.start(tmp, "-Dvireo.test.snapshotDeleteBandwidth=" + (2 << 20))) {
            try (VireoClient c = daemon.client()) {
                SnapshotCalls s = new SnapshotCalls(c);
                c.define(GuestDomains.domain("kill", "rewrite", console, disk(base)));
                c.start("kill");
                awaitRound(console, 1);
                write(c, "kill", 0x11, 8);
                s.create("kill", "<domainsnapshot><name>s1</name></domainsnapshot>", DISK_ONLY);
                // 16 MiB at 2 MiB/s: ~8 s, faster than the guest dirties its 1 MiB (an active commit converges)
                write(c, "kill", 0x22, 16, 16);

                // aborted: the delete says so, the snapshot, its overlay and the chain stay
                CompletableFuture<List<String>> deleting = deleteInBackground(daemon, "kill", "s1");
                daemon.awaitLog("deleting snapshot 's1': commit-vda-libvirt-2-format merges");
                c.blockJobAbort("kill", "vda");
                ExecutionException aborted = assertThrows(ExecutionException.class, () -> deleting.get(60, TimeUnit.SECONDS));
                assertInstanceOf(VireoException.class, aborted.getCause());
                assertEquals("cannot delete snapshot 's1': the block commit of " + overlay + " into " + base
                        + " (disk vda) was aborted; the snapshot and its overlay are kept", aborted.getCause().getMessage());
                assertTrue(Files.exists(overlay));
                assertEquals(List.of("s1"), s.list("kill").stream().map(SnapshotCalls.Row::name).toList());
                assertEquals(List.of("vda " + overlay, "vda[1] " + base), chainOf(c, "kill"));
                assertTrue(c.dumpXml("kill", true).contains("<source file='" + overlay + "'/>"));

                // killed while the commit runs
                CompletableFuture<List<String>> killed = deleteInBackground(daemon, "kill", "s1");
                awaitLogCount(daemon, "deleting snapshot 's1': commit-vda-libvirt-2-format merges", 2);
                daemon.kill9();
                assertThrows(ExecutionException.class, () -> killed.get(60, TimeUnit.SECONDS), "the client lost its daemon");
            }
            daemon.jvmOptions = List.of();
            daemon.start();
            try (VireoClient c = daemon.client()) {
                SnapshotCalls s = new SnapshotCalls(c);
                // QEMU still copies at the 2 MiB/s the killed daemon asked for; a guest that rewrites
                // its disk as fast keeps an active commit from ever being in sync. Lift the limit, as an
                // administrator would (the job may have ended already: then there is none to change).
                try {
                    c.blockJobSetSpeed("kill", "vda", 0);
                } catch (VireoException noJobLeft) {
                    assertEquals(null, c.blockJobInfo("kill", "vda"), noJobLeft.getMessage());
                }
                long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
                while (!s.list("kill").isEmpty()) {
                    assertTrue(System.nanoTime() < deadline, "the restarted daemon finished the delete: "
                            + c.blockJobInfo("kill", "vda") + "\n" + daemon.log());
                    Thread.sleep(200);
                }
                assertFalse(Files.exists(overlay), "the merged overlay is gone");
                assertEquals(List.of("vda " + base), chainOf(c, "kill"));
                assertTrue(c.dumpXml("kill", true).contains("<source file='" + base + "'/>"));
                assertTrue(daemon.log().contains("pivoting to " + base), daemon.log());
                write(c, "kill", 0x33, 9);
                c.suspend("kill");
                flush(c, "kill", "-d " + DEVICE);
                GuestDomains.run("qemu-io", "-U", "-r", "-f", "qcow2", "-c", "read -P 0x11 8M 1M", base.toString());
                GuestDomains.run("qemu-io", "-U", "-r", "-f", "qcow2", "-c", "read -P 0x33 9M 1M", base.toString());
                GuestDomains.run("qemu-io", "-U", "-r", "-f", "qcow2", "-c", "read -P 0x22 16M 16M", base.toString());
                assertRewriteAreaConsistent(base, console);
                c.resume("kill");
                awaitRound(console, lastRound(console) + 1);
                c.destroy("kill");
                GuestDomains.run("qemu-img", "check", base.toString());
            }
        }
    }

    /**
     * A read error in the overlay being merged ({@code blkdebug} under its format node, as
     * BlockJobErrorsE2ETest puts it) pauses the commit: the delete returns at once saying how to go
     * on, nothing is lost; resumed, the commit finishes the delete by itself. The guest idles, so
     * only the commit reads the overlay and meets the error.
     */
    @Test
    void aReadErrorPausesTheMergeTheDeleteSaysSoAndResumingFinishesIt() throws Exception {
        Path base = GuestDomains.image(tmp, "err");
        Path console = tmp.resolve("err.console");
        Path o1 = tmp.resolve("err.s1");
        Path o2 = tmp.resolve("err.s2");
        try (DaemonProcess daemon = DaemonProcess.start(tmp);
             VireoClient c = daemon.client()) {
            SnapshotCalls s = new SnapshotCalls(c);
            c.define(GuestDomains.domain("err", "idle", console, disk(base)));
            c.start("err");
            // booted: its kernel has read the disk's partition table, so it no longer reads the disk
            daemon.awaitConsole("err", TestGuest.READY + " mode=idle", Duration.ofMinutes(3));
            write(c, "err", 0x11, 8);
            s.create("err", "<domainsnapshot><name>s1</name></domainsnapshot>", DISK_ONLY);
            write(c, "err", 0x22, 9);
            s.create("err", "<domainsnapshot><name>s2</name></domainsnapshot>", DISK_ONLY);
            write(c, "err", 0x33, 10);
            assertEquals(List.of("vda " + o2, "vda[2] " + o1, "vda[1] " + base), chainOf(c, "err"));
            flush(c, "err", "-d " + DEVICE);
            c.qemuMonitorCommand("err", "{\"execute\":\"blockdev-add\",\"arguments\":{\"driver\":\"blkdebug\","
                    + "\"node-name\":\"test-blkdebug\",\"read-only\":true,\"image\":\"libvirt-2-storage\","
                    + "\"inject-error\":[{\"event\":\"read_aio\",\"errno\":5,\"once\":true}]}}");
            assertEquals("{\"return\":{}}", c.qemuMonitorCommand("err", "{\"execute\":\"blockdev-reopen\",\"arguments\":"
                    + "{\"options\":[{\"driver\":\"qcow2\",\"node-name\":\"libvirt-2-format\",\"read-only\":true,"
                    + "\"file\":\"test-blkdebug\",\"backing\":\"libvirt-1-format\"}]}}"));

            CompletableFuture<List<String>> deleting = deleteInBackground(daemon, "err", "s1");
            ExecutionException paused = assertThrows(ExecutionException.class, () -> deleting.get(90, TimeUnit.SECONDS));
            assertEquals("snapshot 's1' is not deleted yet: the block commit of " + o1 + " (disk vda) is paused by an I/O"
                    + " error on read; once the cause is fixed, 'blockjob err vda --resume' lets it finish the delete, or"
                    + " '--abort' keeps the snapshot and its overlay", paused.getCause().getMessage());
            assertTrue(c.blockJobInfo("err", "vda").paused());
            assertTrue(Files.exists(o1));
            assertEquals(List.of("s1", "s2"), s.list("err").stream().map(SnapshotCalls.Row::name).toList());

            c.blockJobResume("err", "vda");   // the rule fired once: the read succeeds now
            long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            while (s.list("err").size() != 1) {
                assertTrue(System.nanoTime() < deadline, "the resumed commit finished the delete: " + daemon.log());
                Thread.sleep(200);
            }
            assertEquals("s2", s.list("err").get(0).name());
            assertFalse(Files.exists(o1), "the merged overlay is gone");
            assertEquals(List.of("vda " + o2, "vda[1] " + base), chainOf(c, "err"));
            assertEquals(base.toString(), backingOf(o2));
            c.suspend("err");
            flush(c, "err", "-d " + DEVICE);
            GuestDomains.run("qemu-io", "-U", "-r", "-f", "qcow2", "-c", "read -P 0x11 8M 1M", base.toString());
            GuestDomains.run("qemu-io", "-U", "-r", "-f", "qcow2", "-c", "read -P 0x22 9M 1M", base.toString());
            GuestDomains.run("qemu-io", "-U", "-r", "-f", "qcow2", "-c", "read -P 0x33 10M 1M", o2.toString());
            c.destroy("err");
        }
    }

    private static CompletableFuture<List<String>> deleteInBackground(DaemonProcess daemon, String domain, String snapshot) {
        CompletableFuture<List<String>> result = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> {
            try (VireoClient c = daemon.client()) {
                result.complete(new SnapshotCalls(c).delete(domain, snapshot, false, false, false));
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        });
        return result;
    }

    /** Writes {@code length} MiB (default 1) of {@code pattern} at {@code mib} MiB through the guest's disk device, as the guest would. */
    private static void write(VireoClient c, String domain, int pattern, int mib) throws Exception {
        write(c, domain, pattern, mib, 1);
    }

    private static void write(VireoClient c, String domain, int pattern, int mib, int length) throws Exception {
        hmp(c, domain, "qemu-io -d " + DEVICE + " \\\"write -P 0x" + Integer.toHexString(pattern) + " " + mib + "M "
                + length + "M\\\"");
    }

    /**
     * The guest rewrites the first MiB in 16 records of 64 KiB, one byte value per pass: paused,
     * the records hold the byte of the pass it last printed, or the next byte up to where the
     * running pass got — nothing else (a lost write would show an older byte or a hole).
     */
    private void assertRewriteAreaConsistent(Path image, Path console) throws Exception {
        Path raw = tmp.resolve("area.raw");
        GuestDomains.run("qemu-img", "convert", "-U", "-f", "qcow2", "-O", "raw", image.toString(), raw.toString());
        byte[] area = new byte[1 << 20];
        try (var in = Files.newInputStream(raw)) {
            assertEquals(area.length, in.readNBytes(area, 0, area.length));
        }
        String text = Files.readString(console, StandardCharsets.ISO_8859_1);
        String last = text.substring(text.lastIndexOf("byte=") + "byte=".length());
        int done = Integer.parseInt(last.substring(0, last.indexOf('\n')).strip());
        int next = (done + 1) % 256;
        boolean inNext = true;
        for (int r = 0; r < 16; r++) {
            int b = area[r << 16] & 0xff;
            for (int i = r << 16; i < (r + 1) << 16; i++) {
                assertEquals(b, area[i] & 0xff, "record " + r + " holds one byte value");
            }
            if (b != next) inNext = false;
            assertEquals(inNext ? next : done, b, "record " + r + " after pass byte=" + done);
        }
    }

    private static String disk(Path image) {
        return """
                <disk type='file' device='disk'>
                  <driver name='qemu' type='qcow2'/>
                  <source file='%s'/>
                  <target dev='vda' bus='virtio'/>
                </disk>
                """.formatted(image);
    }

    private static void awaitLogCount(DaemonProcess daemon, String text, int count) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (daemon.log().split(java.util.regex.Pattern.quote(text), -1).length - 1 < count) {
            assertTrue(System.nanoTime() < deadline, "the log shows " + text + " " + count + " times");
            Thread.sleep(100);
        }
    }

}
