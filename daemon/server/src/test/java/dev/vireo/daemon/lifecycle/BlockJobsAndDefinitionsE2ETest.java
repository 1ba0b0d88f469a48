package dev.vireo.daemon.lifecycle;

import dev.vireo.client.VireoClient;
import dev.vireo.process.TestGuest;
import dev.vireo.protocol.DomainEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static dev.vireo.daemon.lifecycle.BlockPullE2ETest.chainOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A running block job or backup beside the commands that take a domain's definition or its guest
 * away (real QEMU 7.2, TCG): {@code undefine} of a running domain makes it transient and the job
 * goes on and concludes into the live XML only; {@code destroy} ends every job failed, the
 * announced way, and a backup's partial target file is removed.
 */
class BlockJobsAndDefinitionsE2ETest {
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
    void undefineDuringAPullLeavesATransientDomainWhoseJobConcludes() throws Exception {
        try (VireoClient c = daemon.client(); BlockJobEvents events = daemon.events("ud")) {
            c.define(BlockPullE2ETest.guestXml(tmp, "ud", "rewrite"));
            c.start("ud");
            daemon.awaitConsole("ud", TestGuest.ROUND);
            String job = c.blockPull("ud", "vda", "vda[3]", 1 << 20, false).job();
            c.undefine("ud");
            assertFalse(c.domInfo("ud").persistent(), "a running domain becomes transient");
            assertEquals(job, c.blockJobInfo("ud", "vda").job(), "the job goes on");
            c.blockJobSetSpeed("ud", "vda", 0);
            assertEquals("completed", events.status(job));
            assertEquals(List.of("vda " + tmp.resolve("ud-top.qcow2"), "vda[3] " + tmp.resolve("ud-base.qcow2")), chainOf(c, "ud"));
            c.destroy("ud");
            assertTrue(c.list(true).stream().noneMatch(d -> d.name().equals("ud")), "no definition came back");
        }
    }

    @Test
    void destroyDuringABackupEndsItFailedAndRemovesThePartialTarget() throws Exception {
        daemon.close();
        daemon = DaemonProcess.start(tmp, "-Dvireo.test.backupSpeed=1048576");
        Path target = tmp.resolve("db.backup.qcow2");
        try (VireoClient c = daemon.client(); BlockJobEvents events = daemon.events("db")) {
            c.create(BlockPullE2ETest.guestXml(tmp, "db", "rewrite"));
            daemon.awaitConsole("db", TestGuest.ROUND);
            c.backupBegin("db", """
                    <domainbackup><disks>
                      <disk name='vda' type='file'><target file='%s'/><driver type='qcow2'/></disk>
                    </disks></domainbackup>
                    """.formatted(target), false);
            assertTrue(Files.exists(target));
            c.destroy("db");
            DomainEvent end = events.next("backup-vda-libvirt-1-format", WAIT);
            assertEquals("failed", end.fields().get("status"), end.toString());
            assertEquals("QEMU exited", end.fields().get("error"));
            assertFalse(Files.exists(target), "an incomplete backup's file is removed");
        }
    }
}
