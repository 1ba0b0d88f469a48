package dev.vireo.daemon.lifecycle;

import dev.vireo.client.VireoClient;
import dev.vireo.client.VireoException;
import dev.vireo.process.TestGuest;
import dev.vireo.protocol.DomainEvent;
import dev.vireo.protocol.DomainJobInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code backup-begin} end to end (iotests 055/056 in spirit): a real TCG guest keeps rewriting
 * its disk while a push mode, full backup of two disks runs; each backup equals its disk as it
 * was at the instant the backup began (a reference taken with the guest paused at that instant),
 * not as it is later. An aborted backup leaves nothing behind.
 */
class BackupE2ETest {
    private static final Duration WAIT = Duration.ofSeconds(120);

    @TempDir
    Path tmp;
    DaemonProcess daemon;

    @AfterEach
    void stop() throws Exception {
        if (daemon != null) daemon.close();
    }

    /** vda: an empty top over a base with 16 MiB of data, rewritten by the guest; vdb: 8 MiB of data, untouched. */
    private String guest(String name) throws Exception {
        Path base = GuestDomains.image(tmp, name + "-base");
        GuestDomains.run("qemu-io", "-f", "qcow2", "-c", "write -P 0x5a 0 16M", base.toString());
        Path top = tmp.resolve(name + "-top.qcow2");
        GuestDomains.run("qemu-img", "create", "-q", "-f", "qcow2", "-b", base.toString(), "-F", "qcow2", top.toString());
        Path data = GuestDomains.image(tmp, name + "-data");
        GuestDomains.run("qemu-io", "-f", "qcow2", "-c", "write -P 0x77 0 8M", data.toString());
        String disks = """
                <disk type='file' device='disk'>
                  <driver name='qemu' type='qcow2'/>
                  <source file='%s'/>
                  <target dev='vda' bus='virtio'/>
                </disk>
                <disk type='file' device='disk'>
                  <driver name='qemu' type='qcow2'/>
                  <source file='%s'/>
                  <target dev='vdb' bus='virtio'/>
                </disk>
                """.formatted(top, data);
        return GuestDomains.domain(name, "rewrite", tmp.resolve(name + ".console"), disks)
                .replace(TestGuest.cmdline("rewrite"), TestGuest.cmdline("rewrite", "vireo.mib=2", "vireo.pattern=0x11"));
    }

    @Test
    void aBackupEqualsTheDisksAsTheyWereWhenItBeganWhileTheGuestWritesOn() throws Exception {
        daemon = DaemonProcess.start(tmp, "-Dvireo.test.backupSpeed=1048576");
        Path vdaBackup = tmp.resolve("vda.backup.qcow2");
        Path vdbBackup = tmp.resolve("vdb.backup.raw");
        Path reference = tmp.resolve("vda.reference.qcow2");
        String backupXml = """
                <domainbackup>
                  <disks>
                    <disk name='vda' type='file'><target file='%s'/><driver type='qcow2'/></disk>
                    <disk name='vdb' type='file'><target file='%s'/><driver type='raw'/></disk>
                  </disks>
                </domainbackup>
                """.formatted(vdaBackup, vdbBackup);
        try (VireoClient c = daemon.client(); BlockJobEvents events = daemon.events("bk")) {
            c.create(guest("bk"));
            daemon.awaitConsole("bk", "VIREO-GUEST-ROUND 2 ");
            assertTrue(c.domJobInfo("bk", false).isNone());

            // the reference: the disk at the instant the backup begins (the guest is paused meanwhile)
            c.suspend("bk");
            GuestDomains.run("qemu-img", "convert", "-U", "-O", "qcow2", tmp.resolve("bk-top.qcow2").toString(), reference.toString());
            c.backupBegin("bk", backupXml, false);   // at 1 MiB/s (the daemon's test hook), so the guest's writes overlap it
            String dump = c.backupDumpXml("bk");
            assertTrue(dump.contains("<disk name='vda' backup='yes' type='file' backupmode='full' index='4'>"), dump);
            assertTrue(dump.contains("<target file='" + vdbBackup + "'/>"), dump);
            assertTrue(dump.contains("<driver type='raw'/>"), dump);
            VireoException again = assertThrows(VireoException.class, () -> c.backupBegin("bk", null, false));
            assertTrue(again.getMessage().contains("already runs a backup"), again.getMessage());
            c.resume("bk");
            int round = rounds(tmp.resolve("bk.console"));
            daemon.awaitConsole("bk", "VIREO-GUEST-ROUND " + (round + 1) + " ");
            DomainJobInfo running = c.domJobInfo("bk", false);
            assertEquals("Unbounded", running.type());
            assertEquals("Backup", running.operation());
            assertEquals(128L << 20, running.total(), "both disks' sizes");
            assertTrue(running.processed() < running.total(), running.toString());
            c.blockJobSetSpeed("bk", "vda", 0);
            c.blockJobSetSpeed("bk", "vdb", 0);
            DomainEvent a = events.next("backup-vda-libvirt-1-format", WAIT);
            assertEquals("completed", a.fields().get("status"), a.toString());
            assertEquals("Backup", a.event());
            assertEquals("completed", status(events, "backup-vdb-libvirt-3-format"));

            DomainJobInfo done = c.domJobInfo("bk", true);
            assertEquals("Completed", done.type());
            assertEquals(128L << 20, done.processed());
            assertEquals(0, done.remaining());
            assertTrue(c.domJobInfo("bk", false).isNone());
            assertEquals("Images are identical.", compare(reference, vdaBackup).strip(), "the backup is the disk at its start");
            assertEquals("Images are identical.", compare(tmp.resolve("bk-data.qcow2"), vdbBackup).strip());
            assertEquals(1, compareExit(tmp.resolve("bk-top.qcow2"), vdaBackup), "the guest went on writing meanwhile");
            assertFalse(c.qemuMonitorCommand("bk", "{\"execute\":\"query-named-block-nodes\",\"arguments\":{\"flat\":true}}")
                    .contains("libvirt-4-"), "the targets left QEMU");
            c.destroy("bk");
        }
        assertTrue(GuestDomains.run("qemu-img", "info", vdaBackup.toString()).lines().noneMatch(l -> l.startsWith("backing file")));
    }

    @Test
    void anAbortedBackupLeavesNothingBehindAndTheDefaultTargetsAreLibvirts() throws Exception {
        daemon = DaemonProcess.start(tmp, "-Dvireo.test.backupSpeed=1048576");
        try (VireoClient c = daemon.client(); BlockJobEvents events = daemon.events("ab")) {
            c.create(guest("ab"));
            daemon.awaitConsole("ab", "VIREO-GUEST-ROUND 1 ");
            VireoException none = assertThrows(VireoException.class, () -> c.domJobAbort("ab"));
            assertTrue(none.getMessage().contains("no job is active"), none.getMessage());
            c.backupBegin("ab", null, false);
            String dump = c.backupDumpXml("ab");
            String prefix = "<target file='" + tmp.resolve("ab-top.qcow2") + ".";
            assertTrue(dump.contains(prefix), "the default target is the disk's path and the time: " + dump);
            Path target = Path.of(dump.substring(dump.indexOf(prefix) + "<target file='".length(), dump.indexOf("'/>", dump.indexOf(prefix))));
            assertTrue(Files.exists(target));
            c.domJobAbort("ab");
            assertEquals("canceled", status(events, "backup-vda-libvirt-1-format"));
            assertEquals("canceled", status(events, "backup-vdb-libvirt-3-format"));
            assertEquals("Cancelled", c.domJobInfo("ab", true).type());
            assertFalse(Files.exists(target), "an incomplete backup's files are removed");
            assertThrows(VireoException.class, () -> c.backupDumpXml("ab"));
            VireoException pull = assertThrows(VireoException.class, () -> c.backupBegin("ab", "<domainbackup mode='pull'/>", false));
            assertTrue(pull.getMessage().contains("pull mode"), pull.getMessage());
            VireoException bad = assertThrows(VireoException.class, () -> c.backupBegin("ab",
                    "<domainbackup><disks><disk name='vdz'/></disks></domainbackup>", false));
            assertTrue(bad.getMessage().contains("'vdz'"), bad.getMessage());
            c.destroy("ab");
        }
    }

    /**
     * kill -9 of the daemon while a backup runs: the restarted daemon finds it again (domjobinfo,
     * backup-dumpxml), it finishes and equals the disk at its start; its summary
     * ({@code domjobinfo --completed}) survives a further restart, as libvirt's status XML keeps it.
     */
    @Test
    void aBackupSurvivesADaemonKillAndItsSummaryARestart() throws Exception {
        daemon = DaemonProcess.start(tmp, "-Dvireo.test.backupSpeed=1048576");
        Path vdaBackup = tmp.resolve("k-vda.backup.qcow2");
        Path reference = tmp.resolve("k-vda.reference.qcow2");
        String backupXml = """
                <domainbackup>
                  <disks>
                    <disk name='vda' type='file'><target file='%s'/><driver type='qcow2'/></disk>
                    <disk name='vdb' backup='no'/>
                  </disks>
                </domainbackup>
                """.formatted(vdaBackup);
        try (VireoClient c = daemon.client()) {
            c.create(guest("kb"));
            daemon.awaitConsole("kb", "VIREO-GUEST-ROUND 1 ");
            c.suspend("kb");
            GuestDomains.run("qemu-img", "convert", "-U", "-O", "qcow2", tmp.resolve("kb-top.qcow2").toString(), reference.toString());
            c.backupBegin("kb", backupXml, false);
            c.resume("kb");
        }
        daemon.kill9();
        daemon.start();
        try (VireoClient c = daemon.client(); BlockJobEvents events = daemon.events("kb")) {
            DomainJobInfo running = c.domJobInfo("kb", false);
            assertEquals("Unbounded", running.type(), "the backup is found again");
            assertEquals(64L << 20, running.total());
            assertTrue(c.backupDumpXml("kb").contains("<target file='" + vdaBackup + "'/>"));
            assertTrue(c.domJobInfo("kb", true).isNone(), "no backup had finished before");
            c.blockJobSetSpeed("kb", "vda", 0);
            assertEquals("completed", status(events, "backup-vda-libvirt-1-format"));
            DomainJobInfo done = c.domJobInfo("kb", true);
            assertEquals("Completed", done.type());
            assertEquals(64L << 20, done.processed());
            assertEquals("Images are identical.", compare(reference, vdaBackup).strip(), "the backup is the disk at its start");

            daemon.kill9();
            daemon.start();
            try (VireoClient again = daemon.client()) {
                DomainJobInfo kept = again.domJobInfo("kb", true);
                assertEquals(done, kept, "the last backup's summary is kept across a restart");
                assertTrue(again.domJobInfo("kb", false).isNone());
                again.destroy("kb");
            }
        }
    }

    /** The status of the job's end, whether it came before another job's or after. */
    private static String status(BlockJobEvents events, String job) throws Exception {
        for (DomainEvent e : events.seen) {
            if (job.equals(e.fields().get("job"))) return e.fields().get("status");
        }
        return events.next(job, WAIT).fields().get("status");
    }

    private static String compare(Path a, Path b) throws Exception {
        return GuestDomains.run("qemu-img", "compare", "-U", a.toString(), b.toString());
    }

    private static int compareExit(Path a, Path b) throws Exception {
        Process p = new ProcessBuilder("qemu-img", "compare", "-U", a.toString(), b.toString()).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        p.waitFor();
        return p.exitValue();
    }

    private static int rounds(Path console) throws Exception {
        return (int) Files.readString(console).lines().filter(l -> l.startsWith("VIREO-GUEST-ROUND ")).count();
    }
}
