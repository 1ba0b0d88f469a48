package dev.vireo.daemon.lifecycle;

import dev.vireo.client.VireoClient;
import dev.vireo.client.VireoClient.CommitOptions;
import dev.vireo.process.TestGuest;
import dev.vireo.protocol.BlockJobState;
import dev.vireo.protocol.DomainEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import static dev.vireo.daemon.lifecycle.BlockPullE2ETest.GUEST_MIB;
import static dev.vireo.daemon.lifecycle.BlockPullE2ETest.backingOf;
import static dev.vireo.daemon.lifecycle.BlockPullE2ETest.chainOf;
import static dev.vireo.daemon.lifecycle.BlockPullE2ETest.flat;
import static dev.vireo.daemon.lifecycle.BlockPullE2ETest.guestXml;
import static dev.vireo.daemon.lifecycle.HumanMonitor.flush;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The error policy of blockpull and blockcommit on a real guest (QEMU 7.2, TCG): a read error on
 * a backing layer, injected by a {@code blkdebug} node that the test puts between the layer's
 * format node and its storage node ({@code blockdev-add} + {@code blockdev-reopen}, through the
 * monitor passthrough), pauses the job ({@code on-error: stop}) with the error announced; the job
 * then resumes to a correct end, or is aborted with the chain and data unchanged.
 *
 * <p>The chain is BlockPullE2ETest's (base 0x11 in the first half, mid 0x22 in the middle half,
 * an empty top); the guest rewrites only its first MiBs, so only the job ever reads mid's data
 * and meets the error.
 */
class BlockJobErrorsE2ETest {
    private static final Duration WAIT = Duration.ofMinutes(2);

    @TempDir
    Path tmp;
    DaemonProcess daemon;

    @BeforeEach
    void start() throws Exception {
        daemon = DaemonProcess.start(tmp);
    }

    @AfterEach
    void stop() throws Exception {
        daemon.close();
    }

    @Test
    void aReadErrorPausesAPullWhichThenResumesToTheEnd() throws Exception {
        Path top = tmp.resolve("pe-top.qcow2");
        Path base = tmp.resolve("pe-base.qcow2");
        try (VireoClient c = daemon.client(); BlockJobEvents events = daemon.events("pe")) {
            c.create(guestXml(tmp, "pe", "rewrite"));
            daemon.awaitConsole("pe", TestGuest.ROUND);
            byte[] before = snapshot(c, "pe", top);
            injectReadError(c, "pe", 2, "libvirt-3-format");

            String job = c.blockPull("pe", "vda", "vda[3]", 0, false).job();
            DomainEvent error = events.next(job, WAIT);
            assertEquals("io-error", error.fields().get("status"), error.toString());
            assertEquals("I/O error on read", error.fields().get("error"));
            BlockJobState paused = c.blockJobInfo("pe", "vda");
            assertTrue(paused.paused(), paused.toString());
            assertEquals("failed", paused.ioStatus(), paused.toString());
            assertEquals("running", c.domState("pe").state(), "the guest goes on");

            c.blockJobResume("pe", "vda");   // the rule fired once: the read succeeds now
            assertEquals("completed", events.status(job));
            assertEquals(List.of("vda " + top, "vda[3] " + base), chainOf(c, "pe"));
            assertEquals(base.toString(), backingOf(top));
            assertAfterGuestArea(before, snapshot(c, "pe", top), "the pull resumed after the error copied everything");
            c.destroy("pe");
        }
    }

    @Test
    void aReadErrorPausesACommitWhichAbortsUnchangedOrResumesToTheEnd() throws Exception {
        Path top = tmp.resolve("ce-top.qcow2");
        Path mid = tmp.resolve("ce-mid.qcow2");
        Path base = tmp.resolve("ce-base.qcow2");
        try (VireoClient c = daemon.client(); BlockJobEvents events = daemon.events("ce")) {
            c.create(guestXml(tmp, "ce", "rewrite"));
            daemon.awaitConsole("ce", TestGuest.ROUND);
            byte[] before = snapshot(c, "ce", top);
            byte[] baseBefore = Files.readAllBytes(base);
            CommitOptions midIntoBase = new CommitOptions("vda[2]", "vda[3]", false, false, false, false, 0);

            // paused by the error, then aborted: nothing changed
            injectReadError(c, "ce", 2, "libvirt-3-format");
            String job = c.blockCommit("ce", "vda", midIntoBase).job();
            assertEquals("io-error", events.status(job));
            BlockJobState paused = c.blockJobInfo("ce", "vda");
            assertTrue(paused.paused(), paused.toString());
            assertEquals("failed", paused.ioStatus(), paused.toString());
            c.blockJobAbort("ce", "vda");
            assertEquals("canceled", events.status(job));
            assertEquals(List.of("vda " + top, "vda[2] " + mid, "vda[3] " + base), chainOf(c, "ce"));
            assertEquals(mid.toString(), backingOf(top));
            assertAfterGuestArea(before, snapshot(c, "ce", top), "the aborted commit changed no data");
            assertNull(c.blockJobInfo("ce", "vda"));

            // paused again, resumed: it completes
            injectReadError(c, "ce", 2, "libvirt-3-format");
            job = c.blockCommit("ce", "vda", midIntoBase).job();
            assertEquals("io-error", events.status(job));
            c.blockJobResume("ce", "vda");
            assertEquals("completed", events.status(job));
            assertEquals(List.of("vda " + top, "vda[3] " + base), chainOf(c, "ce"));
            assertEquals(base.toString(), backingOf(top));
            assertAfterGuestArea(before, snapshot(c, "ce", top), "the commit resumed after the error moved everything");
            assertTrue(!Arrays.equals(baseBefore, Files.readAllBytes(base)), "mid's data is in the base now");
            c.destroy("ce");
        }
    }

    /**
     * Puts a {@code blkdebug} node failing the next data read (once, EIO) under image
     * {@code index}'s format node (a read-only backing layer whose backing is {@code backingNode}).
     * A second call replaces the first call's node by a new one.
     */
    private static void injectReadError(VireoClient c, String domain, int index, String backingNode) throws Exception {
        String storage = "libvirt-" + index + "-storage";
        String format = "libvirt-" + index + "-format";
        String debug = "test-blkdebug-" + index + "-" + System.nanoTime();
        qmp(c, domain, "{\"execute\":\"blockdev-add\",\"arguments\":{\"driver\":\"blkdebug\",\"node-name\":\"" + debug
                + "\",\"read-only\":true,\"image\":\"" + storage + "\",\"inject-error\":[{\"event\":\"read_aio\",\"errno\":5,"
                + "\"once\":true}]}}");
        qmp(c, domain, "{\"execute\":\"blockdev-reopen\",\"arguments\":{\"options\":[{\"driver\":\"qcow2\",\"node-name\":\""
                + format + "\",\"read-only\":true,\"file\":\"" + debug + "\",\"backing\":\"" + backingNode + "\"}]}}");
    }

    private static void qmp(VireoClient c, String domain, String command) throws Exception {
        String reply = c.qemuMonitorCommand(domain, command);
        assertEquals("{\"return\":{}}", reply, command);
    }

    /** The guest's disk as it sees it, read while it is paused. */
    private static byte[] snapshot(VireoClient c, String domain, Path top) throws Exception {
        c.suspend(domain);
        try {
            flush(c, domain, "libvirt-1-format");
            return flat(top.getParent(), top, "snap-" + System.nanoTime());
        } finally {
            c.resume(domain);
        }
    }

    /** Beyond what the guest rewrites, the two are equal. */
    private static void assertAfterGuestArea(byte[] expected, byte[] actual, String why) {
        int guestBytes = GUEST_MIB << 20;
        assertEquals(expected.length, actual.length, why);
        assertArrayEquals(Arrays.copyOfRange(expected, guestBytes, expected.length),
                Arrays.copyOfRange(actual, guestBytes, actual.length), why);
    }
}
