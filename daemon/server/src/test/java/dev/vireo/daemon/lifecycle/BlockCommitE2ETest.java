package dev.vireo.daemon.lifecycle;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vireo.client.VireoClient;
import dev.vireo.client.VireoException;
import dev.vireo.daemon.Json;
import dev.vireo.process.TestGuest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static dev.vireo.daemon.lifecycle.BlockPullE2ETest.backingOf;
import static dev.vireo.daemon.lifecycle.BlockPullE2ETest.chainOf;
import static dev.vireo.daemon.lifecycle.BlockPullE2ETest.flat;
import static dev.vireo.daemon.lifecycle.HumanMonitor.flush;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * blockcommit on a real guest over fd-passed images (QEMU 7.2, TCG), in the spirit of QEMU's
 * iotest 040: a middle layer whose overlay is itself a backing layer (the case where QEMU 7.2
 * dies with SIGSEGV unless the overlay was made writable first, research §0.3), an active commit
 * pivoted (with --delete) and one ended with the overlay kept. Data is compared byte for byte
 * with the chain as it was, read while the guest was paused.
 */
class BlockCommitE2ETest {
    static final int DISK_MIB = 32;

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

    /** l4 (base) ← l3 ← l2 ← l1 (top), each with data of its own, as vda of a rewriting guest. */
    private String guest(String name) throws Exception {
        String below = null;
        for (int i = 4; i >= 1; i--) {
            Path image = tmp.resolve(name + "-l" + i + ".qcow2");
            if (below == null) GuestDomains.run("qemu-img", "create", "-q", "-f", "qcow2", image.toString(), DISK_MIB + "M");
            else GuestDomains.run("qemu-img", "create", "-q", "-f", "qcow2", "-b", below, "-F", "qcow2", image.toString());
            int mib = 4 * (4 - i) + 4;   // l4 at 4 MiB, l3 at 8, l2 at 12, l1 at 16
            GuestDomains.run("qemu-io", "-f", "qcow2", "-c", "write -P 0x" + (40 + i) + " " + mib + "M 6M", image.toString());
            below = image.toString();
        }
        String disk = """
                <disk type='file' device='disk'>
                  <driver name='qemu' type='qcow2'/>
                  <source file='%s'/>
                  <target dev='vda' bus='virtio'/>
                </disk>
                """.formatted(tmp.resolve(name + "-l1.qcow2"));
        String mode = "rewrite";
        String xml = GuestDomains.domain(name, mode, tmp.resolve(name + ".console"), disk)
                .replace(TestGuest.cmdline(mode), TestGuest.cmdline(mode, "vireo.mib=" + BlockPullE2ETest.GUEST_MIB));
        return xml;
    }

    private Path image(String name, int layer) {
        return tmp.resolve(name + "-l" + layer + ".qcow2");
    }

    /** Whether QEMU has the node open read-only. */
    private static boolean readOnly(VireoClient c, String domain, String node) throws Exception {
        for (JsonNode n : Json.MAPPER.readTree(c.qemuMonitorCommand(domain,
                "{\"execute\":\"query-named-block-nodes\",\"arguments\":{\"flat\":true}}")).path("return")) {
            if (n.path("node-name").asText().equals(node)) return n.path("ro").asBoolean();
        }
        throw new AssertionError("no node " + node);
    }

    private static VireoClient.CommitOptions commit(String top, String base, boolean active, boolean delete) {
        return new VireoClient.CommitOptions(top, base, false, active, delete, false, 0);
    }

    @Test
    void aLowerLayerUnderABackingOverlayIsCommittedAndQemuLivesOn() throws Exception {
        String name = "mid";
        try (VireoClient c = daemon.client(); BlockJobEvents events = daemon.events(name)) {
            c.create(guest(name));
            daemon.awaitConsole(name, TestGuest.ROUND);
            c.suspend(name);
            flush(c, name, "libvirt-1-format");
            byte[] before = flat(tmp, image(name, 1), "before");

            // refusals first: nothing changes
            VireoException active = assertThrows(VireoException.class, () -> c.blockCommit(name, "vda", commit(null, null, false, false)));
            assertEquals("commit of 'vda' active layer requires active flag", active.getMessage());
            VireoException reversed = assertThrows(VireoException.class,
                    () -> c.blockCommit(name, "vda", commit("vda[4]", "vda[3]", false, false)));
            assertTrue(reversed.getMessage().contains("has no backing file"), reversed.getMessage());
            VireoException order = assertThrows(VireoException.class,
                    () -> c.blockCommit(name, "vda", commit("vda[3]", "vda[2]", false, false)));
            assertTrue(order.getMessage().contains("is not below top"), order.getMessage());

            // l3 into l4: its overlay l2 is a backing layer QEMU must rewrite (the SIGSEGV case)
            assertTrue(readOnly(c, name, "libvirt-2-format"));
            VireoClient.JobRef job = c.blockCommit(name, "vda", commit(image(name, 3).toString(), "vda[4]", false, true));
            assertEquals("commit-vda-libvirt-3-format", job.job());
            assertEquals("COMMIT", job.kind());
            assertEquals("completed", events.status(job.job()));
            assertEquals("paused", c.domState(name).state(), "QEMU is alive");
            assertEquals(List.of("vda " + image(name, 1), "vda[2] " + image(name, 2), "vda[4] " + image(name, 4)),
                    chainOf(c, name));
            assertEquals(image(name, 4).toString(), backingOf(image(name, 2)), "l2's header names l4's real path");
            assertTrue(readOnly(c, name, "libvirt-2-format"), "the overlay is read-only again");
            assertTrue(readOnly(c, name, "libvirt-4-format"), "the base is read-only again");
            assertFalse(Files.exists(image(name, 3)), "--delete removed the committed image");
            flush(c, name, "libvirt-1-format");
            assertArrayEquals(before, flat(tmp, image(name, 1), "after"));
            c.resume(name);
            String round = daemon.awaitConsole(name, TestGuest.ROUND + " 3");
            assertTrue(round.startsWith(TestGuest.ROUND), "the guest goes on writing");
            c.destroy(name);
        }
    }

    @Test
    void anActiveCommitPivotsOntoTheBaseAndDeletesTheCommittedImages() throws Exception {
        String name = "act";
        int guestBytes = BlockPullE2ETest.GUEST_MIB << 20;
        try (VireoClient c = daemon.client(); BlockJobEvents events = daemon.events(name)) {
            c.create(guest(name));
            daemon.awaitConsole(name, TestGuest.ROUND);
            c.suspend(name);
            flush(c, name, "libvirt-1-format");
            byte[] before = flat(tmp, image(name, 1), "before");
            c.resume(name);

            VireoException notActive = assertThrows(VireoException.class,
                    () -> c.blockCommit(name, "vda", commit("vda[2]", "vda[3]", true, false)));
            assertTrue(notActive.getMessage().startsWith("active commit requested but"), notActive.getMessage());
            VireoClient.JobRef job = c.blockCommit(name, "vda", commit(null, "vda[3]", true, true));
            assertEquals("ACTIVE_COMMIT", job.kind());
            assertEquals("ready", events.status(job.job()));
            assertTrue(c.blockJobInfo(name, "vda").ready());
            c.blockJobPivot(name, "vda");
            assertEquals("completed", events.status(job.job()));
            assertEquals(List.of("vda " + image(name, 3), "vda[4] " + image(name, 4)), chainOf(c, name),
                    "l3 is the top now and keeps its index");
            assertTrue(c.dumpXml(name, false).contains("<source file='" + image(name, 3) + "' index='3'/>"));
            assertFalse(readOnly(c, name, "libvirt-3-format"), "the new top is writable");
            assertFalse(Files.exists(image(name, 1)) || Files.exists(image(name, 2)), "--delete removed l1 and l2");
            daemon.awaitConsole(name, TestGuest.ROUND + " 3");
            c.suspend(name);
            flush(c, name, "libvirt-3-format");
            byte[] after = flat(tmp, image(name, 3), "after");
            assertArrayEquals(Arrays.copyOfRange(before, guestBytes, before.length),
                    Arrays.copyOfRange(after, guestBytes, after.length), "beyond what the guest rewrites, the data is the chain's");
            c.destroy(name);
        }
    }

    @Test
    void anActiveCommitEndedAtReadyKeepsTheOverlay() throws Exception {
        String name = "keep";
        try (VireoClient c = daemon.client(); BlockJobEvents events = daemon.events(name)) {
            c.create(guest(name));
            daemon.awaitConsole(name, TestGuest.ROUND);
            List<String> chain = chainOf(c, name);
            VireoClient.JobRef job = c.blockCommit(name, "vda", commit(null, null, true, true));
            assertEquals("ready", events.status(job.job()));
            VireoException second = assertThrows(VireoException.class, () -> c.blockPull(name, "vda", null, 0, false));
            assertTrue(second.getMessage().contains("already in active block job"), second.getMessage());
            c.blockJobAbort(name, "vda");
            assertEquals("canceled", events.status(job.job()));
            assertEquals(chain, chainOf(c, name), "the chain is unchanged");
            assertTrue(Files.exists(image(name, 1)), "nothing is deleted");
            assertTrue(readOnly(c, name, "libvirt-4-format"), "the base is read-only again");
            c.suspend(name);
            flush(c, name, "libvirt-1-format");
            byte[] overlay = flat(tmp, image(name, 1), "overlay");
            byte[] base = flat(tmp, image(name, 4), "base");
            int guestBytes = BlockPullE2ETest.GUEST_MIB << 20;   // rewritten in the overlay since the job ended
            assertArrayEquals(Arrays.copyOfRange(overlay, guestBytes, overlay.length),
                    Arrays.copyOfRange(base, guestBytes, base.length), "the base holds the whole chain's data");
            c.destroy(name);
        }
    }

    /**
     * The base cannot go back to read-only after the commit (its O_RDONLY fd was taken out of its
     * fd set while the job ran, so QEMU finds none to reopen it with): the daemon logs it, naming
     * the disk and the node, and the rest of the release goes on: the overlay is read-only again,
     * the committed image's nodes and fd set leave QEMU and --delete deletes its file.
     */
    @Test
    void aBaseThatCannotGoBackToReadOnlyDoesNotStopTheRestOfTheRelease() throws Exception {
        String name = "stuck";
        try (VireoClient c = daemon.client(); BlockJobEvents events = daemon.events(name)) {
            c.create(guest(name));
            daemon.awaitConsole(name, TestGuest.ROUND);
            // l3 into l4 at 1 MiB/s: its 6 MiB leave time to take the base's read-only fd away
            VireoClient.JobRef job = c.blockCommit(name, "vda",
                    new VireoClient.CommitOptions("vda[3]", "vda[4]", false, false, true, false, 1 << 20));
            JsonNode readOnlyFd = fdNoted(c, name, "vireo-image-4-ro");
            assertEquals("{\"return\":{}}", c.qemuMonitorCommand(name, "{\"execute\":\"remove-fd\",\"arguments\":{\"fdset-id\":"
                    + readOnlyFd.get("fdset-id") + ",\"fd\":" + readOnlyFd.get("fd") + "}}"));
            c.blockJobSetSpeed(name, "vda", 0);
            assertEquals("completed", events.status(job.job()));

            daemon.awaitLog(job.job() + ": cannot make libvirt-4-format of disk 'vda' read-only again");
            assertFalse(readOnly(c, name, "libvirt-4-format"), "the base stays writable");
            assertTrue(readOnly(c, name, "libvirt-2-format"), "the overlay is read-only again all the same");
            String nodes = c.qemuMonitorCommand(name, "{\"execute\":\"query-named-block-nodes\"}");
            assertFalse(nodes.contains("libvirt-3-"), "the committed image's nodes left QEMU: " + nodes);
            String sets = c.qemuMonitorCommand(name, "{\"execute\":\"query-fdsets\"}");
            assertFalse(sets.contains("vireo-image-3-"), "its fd set left QEMU: " + sets);
            assertFalse(Files.exists(image(name, 3)), "--delete removed the committed image");
            assertEquals(List.of("vda " + image(name, 1), "vda[2] " + image(name, 2), "vda[4] " + image(name, 4)),
                    chainOf(c, name));
            c.destroy(name);
        }
    }

    /** The fd with this note in QEMU's fd sets, with its set's id added ({@code fdset-id}, {@code fd}). */
    private static JsonNode fdNoted(VireoClient c, String domain, String note) throws Exception {
        for (JsonNode set : Json.MAPPER.readTree(c.qemuMonitorCommand(domain, "{\"execute\":\"query-fdsets\"}")).path("return")) {
            for (JsonNode fd : set.path("fds")) {
                if (note.equals(fd.path("opaque").asText())) {
                    return Json.MAPPER.createObjectNode().put("fdset-id", set.path("fdset-id").asLong()).put("fd", fd.path("fd").asLong());
                }
            }
        }
        throw new AssertionError("no fd noted " + note);
    }
}
