package dev.vireo.daemon.lifecycle;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vireo.client.VireoClient;
import dev.vireo.client.VireoClient.BlockCopyOptions;
import dev.vireo.client.VireoException;
import dev.vireo.daemon.Json;
import dev.vireo.process.TestGuest;
import dev.vireo.protocol.BlockJobState;
import dev.vireo.protocol.DomainEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code blockcopy} end to end: a real daemon, a real TCG guest that keeps rewriting its disk
 * ({@code vireo.mode=rewrite}), real QEMU 7.2 mirror jobs into targets the daemon created and
 * passed by fd, data checked with {@code qemu-img compare} (iotest 041 in spirit).
 */
class BlockCopyE2ETest {
    private static final Duration WAIT = Duration.ofSeconds(120);

    @TempDir
    Path tmp;
    DaemonProcess daemon;

    @AfterEach
    void stop() throws Exception {
        if (daemon != null) daemon.close();
    }

    /** base (with {@code dataMiB} of 0x5a) under an empty top; the guest rewrites the first {@code mib} MiB. */
    private String guestWithChain(String name, int dataMiB, int mib) throws Exception {
        Path base = GuestDomains.image(tmp, name + "-base");
        GuestDomains.run("qemu-io", "-f", "qcow2", "-c", "write -P 0x5a 0 " + dataMiB + "M", base.toString());
        Path top = tmp.resolve(name + "-top.qcow2");
        GuestDomains.run("qemu-img", "create", "-q", "-f", "qcow2", "-b", base.toString(), "-F", "qcow2", top.toString());
        String disk = """
                <disk type='file' device='disk'>
                  <driver name='qemu' type='qcow2'/>
                  <source file='%s'/>
                  <target dev='vda' bus='virtio'/>
                </disk>
                """.formatted(top);
        return GuestDomains.domain(name, "rewrite", tmp.resolve(name + ".console"), disk)
                .replace(TestGuest.cmdline("rewrite"), TestGuest.cmdline("rewrite", "vireo.mib=" + mib, "vireo.pattern=0x11"));
    }

    @Test
    void fullCopyPivotsAndTheGuestGoesOnWritingIntoTheCopy() throws Exception {
        daemon = DaemonProcess.start(tmp);
        Path copy = tmp.resolve("copy.qcow2");
        try (VireoClient c = daemon.client(); BlockJobEvents events = daemon.events("full")) {
            c.create(guestWithChain("full", 8, 2));
            daemon.awaitConsole("full", "VIREO-GUEST-ROUND 1 ");
            String job = c.blockCopy("full", "vda", BlockCopyOptions.to(copy.toString())).job();
            assertEquals("copy-vda-libvirt-1-format", job);
            assertEquals("ready", events.next(job, WAIT).fields().get("status"));
            String xml = c.dumpXml("full", false);
            assertTrue(xml.contains("<mirror type='file' file='" + copy + "' format='qcow2' job='copy' ready='yes'>"), xml);
            assertTrue(xml.contains("<source file='" + copy + "' index='3'/>"), xml);
            VireoException second = assertThrows(VireoException.class,
                    () -> c.blockCopy("full", "vda", BlockCopyOptions.to(tmp.resolve("other.qcow2").toString())));
            assertTrue(second.getMessage().contains("already in active block job"), second.getMessage());

            // pivoted while the guest writes: the old chain leaves QEMU, fd sets included
            int round = rounds(tmp.resolve("full.console"));
            c.blockJobPivot("full", "vda");
            DomainEvent end = events.next(job, WAIT);
            assertEquals("completed", end.fields().get("status"), end.toString());
            xml = c.dumpXml("full", false);
            assertTrue(xml.contains("<source file='" + copy + "' index='3'/>"), xml);
            assertTrue(xml.contains("<backingStore/>"), "a full copy has no backing: " + xml);
            assertFalse(xml.contains("<mirror"), xml);
            assertFalse(xml.contains("full-top.qcow2") || xml.contains("full-base.qcow2"), xml);
            assertEquals(Set.of("libvirt-3-format", "libvirt-3-storage"), nodes(c, "full"), "the old chain left QEMU");
            assertEquals(Set.of(3), imagesWithFdSets(c, "full"), "and its fd sets were removed");

            // after the pivot the guest writes into the copy only
            daemon.awaitConsole("full", "VIREO-GUEST-ROUND " + (round + 2) + " ");
            c.destroy("full");
        }
        assertEquals(1, compareExit(tmp.resolve("full-top.qcow2"), copy), "the copy went on changing, the old disk did not");
        assertTrue(GuestDomains.run("qemu-img", "info", copy.toString()).lines().noneMatch(l -> l.startsWith("backing file")));
    }

    @Test
    void shallowCopyFinishesAndAbortsAndKeepsTheDiskOnItsSource() throws Exception {
        daemon = DaemonProcess.start(tmp);
        Path copy = tmp.resolve("shallow.qcow2");
        Path base = tmp.resolve("sh-base.qcow2");
        Path top = tmp.resolve("sh-top.qcow2");
        try (VireoClient c = daemon.client(); BlockJobEvents events = daemon.events("sh")) {
            c.create(guestWithChain("sh", 32, 1));
            daemon.awaitConsole("sh", "VIREO-GUEST-ROUND 1 ");
            Set<String> before = nodes(c, "sh");

            String job = c.blockCopy("sh", "vda", BlockCopyOptions.to(copy.toString()).shallow(true)).job();
            assertEquals("ready", events.next(job, WAIT).fields().get("status"));
            JsonNode info = Json.MAPPER.readTree(GuestDomains.run("qemu-img", "info", "-U", "--output=json", copy.toString()));
            assertEquals(base.toString(), info.path("backing-filename").asText(), "the header names the real backing path");
            assertEquals("qcow2", info.path("backing-filename-format").asText());
            // --finish: the copy is kept as it is at that point, the guest stays on its disk
            c.suspend("sh");
            c.blockJobAbort("sh", "vda");
            assertEquals("canceled", events.next(job, WAIT).fields().get("status"));
            assertEquals("Images are identical.", compare(top, copy).strip(), "the copy over the same base equals the disk");
            String xml = c.dumpXml("sh", false);
            assertTrue(xml.contains("<source file='" + top + "' index='1'/>"), xml);
            assertFalse(xml.contains("<mirror"), xml);
            assertEquals(before, nodes(c, "sh"), "the target's nodes left QEMU");
            c.resume("sh");

            // abort before ready: a slow copy of 32 MiB at 1 MiB/s is cancelled mid-way
            Path slow = tmp.resolve("slow.qcow2");
            String slowJob = c.blockCopy("sh", "vda", BlockCopyOptions.to(slow.toString()).bandwidth(1 << 20)).job();
            BlockJobState running = c.blockJobInfo("sh", "vda");
            assertEquals(slowJob, running.job());
            assertFalse(running.ready());
            assertTrue(c.dumpXml("sh", false).contains("<mirror type='file' file='" + slow + "' format='qcow2' job='copy'>"));
            c.blockJobAbort("sh", "vda");
            assertEquals("canceled", events.next(slowJob, WAIT).fields().get("status"));
            assertFalse(c.dumpXml("sh", false).contains("<mirror"));
            assertEquals(before, nodes(c, "sh"));
            // (QEMU 7.2 closes a removed set's fd only while the guest runs: image 3's went while paused)
            assertFalse(imagesWithFdSets(c, "sh").contains(4), "the running guest's removed set is gone");
            assertEquals(null, c.blockJobInfo("sh", "vda"));
            c.destroy("sh");
        }
        GuestDomains.run("qemu-img", "check", top.toString());
    }

    @Test
    void refusalsChangeNothing() throws Exception {
        daemon = DaemonProcess.start(tmp);
        try (VireoClient c = daemon.client()) {
            String xml = guestWithChain("ref", 1, 1);
            c.define(xml);
            c.start("ref");
            Path dest = tmp.resolve("ref-copy.qcow2");
            VireoException e = assertThrows(VireoException.class, () -> c.blockCopy("ref", "vda", BlockCopyOptions.to(dest.toString())));
            assertTrue(e.getMessage().contains("is not transient"), e.getMessage());
            e = assertThrows(VireoException.class, () -> c.blockCopy("ref", "vda", BlockCopyOptions.to("rel.qcow2").transientJob(true)));
            assertTrue(e.getMessage().contains("absolute path must be used as block copy target"), e.getMessage());
            e = assertThrows(VireoException.class, () -> c.blockCopy("ref", "vda",
                    new BlockCopyOptions(dest.toString(), "raw", true, false, false, 0, 0, 0, true, false)));
            assertTrue(e.getMessage().contains("shallow copy of disk 'vda' into a raw file is not possible"), e.getMessage());
            e = assertThrows(VireoException.class, () -> c.blockCopy("ref", "vda",
                    BlockCopyOptions.to(dest.toString()).transientJob(true).reuseExternal(true, "qcow2")));
            assertTrue(e.getMessage().contains("missing destination file"), e.getMessage());
            Files.writeString(dest, "not empty");
            e = assertThrows(VireoException.class, () -> c.blockCopy("ref", "vda", BlockCopyOptions.to(dest.toString()).transientJob(true)));
            assertTrue(e.getMessage().contains("already exists"), e.getMessage());
            assertEquals("not empty", Files.readString(dest));
            GuestDomains.run("qemu-img", "create", "-q", "-f", "qcow2", tmp.resolve("small.qcow2").toString(), "1M");
            e = assertThrows(VireoException.class, () -> c.blockCopy("ref", "vda",
                    BlockCopyOptions.to(tmp.resolve("small.qcow2").toString()).transientJob(true).reuseExternal(true, "qcow2")));
            assertTrue(e.getMessage().contains("a copy needs the same size"), e.getMessage());
            assertFalse(c.dumpXml("ref", false).contains("<mirror"));
            assertEquals(Set.of(1, 2), imagesWithFdSets(c, "ref"));
            c.destroy("ref");
        }
    }

    /** {@code --transient-job} on a persistent domain: the stored definition follows the pivot, as libvirt 9's does. */
    @Test
    void aPivotOfAPersistentDomainChangesItsStoredDefinition() throws Exception {
        daemon = DaemonProcess.start(tmp);
        Path copy = tmp.resolve("p-copy.qcow2");
        try (VireoClient c = daemon.client(); BlockJobEvents events = daemon.events("p")) {
            c.define(guestWithChain("p", 1, 1));
            c.start("p");
            String job = c.blockCopy("p", "vda", BlockCopyOptions.to(copy.toString()).transientJob(true)).job();
            assertEquals("ready", events.next(job, WAIT).fields().get("status"));
            assertFalse(c.dumpXml("p", true).contains("<mirror"), "the mirror is live only");
            c.blockJobPivot("p", "vda");
            assertEquals("completed", events.next(job, WAIT).fields().get("status"));
            String stored = c.dumpXml("p", true);
            assertTrue(stored.contains("<source file='" + copy + "'/>"), stored);
            c.destroy("p");
            c.start("p");   // the copy is a complete disk of its own
            daemon.awaitConsole("p", "VIREO-GUEST-ROUND 1 ");
            c.destroy("p");
        }
    }

    /** kill -9 of the daemon while a copy runs: the restarted daemon lists it, and it can be pivoted. */
    @Test
    void aCopySurvivesADaemonKill() throws Exception {
        daemon = DaemonProcess.start(tmp);
        Path copy = tmp.resolve("k-copy.qcow2");
        String job;
        try (VireoClient c = daemon.client()) {
            c.create(guestWithChain("k", 32, 1));
            daemon.awaitConsole("k", "VIREO-GUEST-ROUND 1 ");
            job = c.blockCopy("k", "vda", BlockCopyOptions.to(copy.toString()).bandwidth(1 << 20)).job();
        }
        daemon.kill9();
        daemon.start();
        try (VireoClient c = daemon.client(); BlockJobEvents events = daemon.events("k")) {
            BlockJobState found = c.blockJobInfo("k", "vda");
            assertNotNull(found, "the copy is listed after the restart");
            assertEquals(job, found.job());
            assertEquals("COPY", found.kind());
            assertTrue(c.dumpXml("k", false).contains("<mirror type='file' file='" + copy + "'"));
            c.blockJobSetSpeed("k", "vda", 0);
            assertEquals("ready", events.next(job, WAIT).fields().get("status"));
            assertTrue(c.dumpXml("k", false).contains("job='copy' ready='yes'"));
            // at the pivot point the copy holds exactly what the guest's disk holds
            c.suspend("k");
            c.blockJobPivot("k", "vda");
            assertEquals("completed", events.next(job, WAIT).fields().get("status"));
            assertEquals("Images are identical.", compare(tmp.resolve("k-top.qcow2"), copy).strip());
            assertTrue(c.dumpXml("k", false).contains("<source file='" + copy + "' index='3'/>"));
            c.resume("k");
            int round = rounds(tmp.resolve("k.console"));
            daemon.awaitConsole("k", "VIREO-GUEST-ROUND " + (round + 1) + " ");
            c.destroy("k");
        }
        assertEquals(1, compareExit(tmp.resolve("k-top.qcow2"), copy), "after the pivot the guest wrote into the copy only");
    }

    /**
     * A write error on the target (a blkdebug node added with blockdev-add between the mirror and
     * its target, by the daemon's test hook) pauses the job with the error reported
     * ({@code on-target-error: stop}); it can be resumed, and aborted.
     */
    @Test
    void aTargetWriteErrorPausesTheJobWhichResumesOrAborts() throws Exception {
        daemon = DaemonProcess.start(tmp, "-Dvireo.test.copyTargetError=write");
        try (VireoClient c = daemon.client(); BlockJobEvents events = daemon.events("err")) {
            c.create(guestWithChain("err", 8, 1));
            daemon.awaitConsole("err", "VIREO-GUEST-ROUND 1 ");
            String job = c.blockCopy("err", "vda", BlockCopyOptions.to(tmp.resolve("err-1.qcow2").toString())).job();
            BlockJobState paused = awaitPaused(c, "err");
            assertEquals(job, paused.job());
            assertEquals("failed", paused.ioStatus(), paused.toString());
            DomainEvent error = events.next(job, WAIT);
            assertEquals("io-error", error.fields().get("status"), "the pause is announced: " + error);
            assertEquals("I/O error on write", error.fields().get("error"));
            c.blockJobResume("err", "vda");
            assertEquals("ready", events.next(job, WAIT).fields().get("status"), "resumed, the error was once only");
            c.blockJobAbort("err", "vda");
            assertEquals("canceled", events.next(job, WAIT).fields().get("status"));

            String second = c.blockCopy("err", "vda", BlockCopyOptions.to(tmp.resolve("err-2.qcow2").toString())).job();
            assertEquals("failed", awaitPaused(c, "err").ioStatus());
            assertEquals("io-error", events.next(second, WAIT).fields().get("status"));
            c.blockJobAbort("err", "vda");
            assertEquals("canceled", events.next(second, WAIT).fields().get("status"));
            assertFalse(c.dumpXml("err", false).contains("<mirror"));
            assertEquals(Set.of(1, 2), imagesWithFdSets(c, "err"));
            c.destroy("err");
        }
    }

    private static BlockJobState awaitPaused(VireoClient c, String domain) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        for (;;) {
            BlockJobState s = c.blockJobInfo(domain, "vda");
            if (s != null && s.paused()) return s;
            if (System.nanoTime() > deadline) throw new AssertionError("the job never paused: " + s);
            Thread.sleep(50);
        }
    }

    /** qemu-img compare's output (exit 0: identical). */
    private static String compare(Path a, Path b) throws Exception {
        return GuestDomains.run("qemu-img", "compare", "-U", a.toString(), b.toString());
    }

    private static int compareExit(Path a, Path b) throws Exception {
        Process p = new ProcessBuilder("qemu-img", "compare", "-U", a.toString(), b.toString()).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        return p.exitValue();
    }

    private static int rounds(Path console) throws IOException {
        return (int) Files.readString(console, StandardCharsets.UTF_8).lines().filter(l -> l.startsWith("VIREO-GUEST-ROUND ")).count();
    }

    private static Set<String> nodes(VireoClient c, String domain) throws Exception {
        Set<String> names = new HashSet<>();
        for (JsonNode n : Json.MAPPER.readTree(c.qemuMonitorCommand(domain,
                "{\"execute\":\"query-named-block-nodes\",\"arguments\":{\"flat\":true}}")).path("return")) {
            names.add(n.path("node-name").asText());
        }
        return names;
    }

    /** The image indexes whose fd sets QEMU holds (from the sets' notes {@code vireo-image-N-...}). */
    private static Set<Integer> imagesWithFdSets(VireoClient c, String domain) throws Exception {
        Set<Integer> images = new HashSet<>();
        for (JsonNode set : Json.MAPPER.readTree(c.qemuMonitorCommand(domain, "{\"execute\":\"query-fdsets\"}")).path("return")) {
            for (JsonNode fd : set.path("fds")) {
                String note = fd.path("opaque").asText();
                if (note.startsWith("vireo-image-")) images.add(Integer.parseInt(note.split("-")[2]));
            }
        }
        return images;
    }
}
