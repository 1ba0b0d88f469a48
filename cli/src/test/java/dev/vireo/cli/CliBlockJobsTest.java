package dev.vireo.cli;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * blockpull and blockjob from the command line on a real QEMU 7.2 (a guest idling in its
 * firmware: block jobs need no guest code): virsh's messages, progress format and exit status.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class CliBlockJobsTest {
    @TempDir
    Path tmp;
    CliDaemon vireod;

    @BeforeEach
    void start() throws Exception {
        vireod = CliDaemon.start(tmp);
    }

    @AfterEach
    void stop() {
        vireod.close();
    }

    private Run vireo(String... args) {
        return vireod.vireo(args);
    }

    /** base (8 MiB of data) ← mid ← top, as vda of a diskless-firmware guest. */
    private void startGuest() throws Exception {
        Path base = tmp.resolve("base.qcow2");
        Path mid = tmp.resolve("mid.qcow2");
        Path top = tmp.resolve("top.qcow2");
        CliDaemon.host("qemu-img", "create", "-q", "-f", "qcow2", base.toString(), "16M");
        CliDaemon.host("qemu-io", "-f", "qcow2", "-c", "write -P 0x11 0 8M", base.toString());
        CliDaemon.host("qemu-img", "create", "-q", "-f", "qcow2", "-b", base.toString(), "-F", "qcow2", mid.toString());
        CliDaemon.host("qemu-img", "create", "-q", "-f", "qcow2", "-b", mid.toString(), "-F", "qcow2", top.toString());
        Path xml = tmp.resolve("jobs.xml");
        Files.writeString(xml, """
                <domain type='qemu'>
                  <name>jobs</name>
                  <memory unit='MiB'>32</memory>
                  <os><type arch='x86_64' machine='pc'>hvm</type></os>
                  <devices><emulator>/usr/bin/qemu-system-x86_64</emulator>
                    <disk type='file' device='disk'><driver name='qemu' type='qcow2'/>
                      <source file='%s'/><target dev='vda' bus='virtio'/></disk>
                  </devices>
                </domain>
                """.formatted(top));
        assertEquals(0, vireo("create", xml.toString()).exit());
    }

    @Test
    void pullWithProgressThenInfoWithoutJob() throws Exception {
        startGuest();
        assertEquals(new Run(0, "No current block job for vda\n", ""), vireo("blockjob", "jobs", "vda"));
        Run pull = vireo("blockpull", "jobs", "vda", "--base", "vda[3]", "--wait", "--verbose");
        assertEquals(0, pull.exit(), pull.toString());
        assertEquals("\nPull complete\n", pull.out());
        assertTrue(pull.err().startsWith("\rBlock Pull: ["), pull.err());
        assertTrue(pull.err().matches("(?s).*\\rBlock Pull: \\[100 %] *"), pull.err());
        Run list = vireo("domblklist", "jobs", "--details");
        assertTrue(!list.out().contains("mid.qcow2") && list.out().contains("vda[3]"), list.out());
    }

    @Test
    void infoRawJsonSpeedAbortAndRefusals() throws Exception {
        startGuest();
        assertEquals(new Run(0, "Block Pull started\n", ""), vireo("blockpull", "jobs", "vda", "--bandwidth", "1"));
        Run info = vireo("blockjob", "jobs", "vda", "--info");
        assertEquals(0, info.exit(), info.toString());
        assertTrue(info.err().matches("\\rBlock Pull: \\[ *\\d+ %]"), info.err());
        assertEquals("    Bandwidth limit: 1048576 bytes/s (1.000 MiB/s)\n", info.out());
        Run raw = vireo("blockjob", "jobs", "vda", "--raw");
        assertTrue(raw.out().matches(" type=Block Pull\n bandwidth=1\n cur=\\d+\n end=16777216\n"), raw.out());
        assertTrue(vireo("blockjob", "jobs", "vda", "--raw", "--bytes").out().contains(" bandwidth=1048576\n"));
        assertTrue(vireo("blockjob", "jobs", "vda", "--json").out().matches("(?s).*\"kind\" *: *\"PULL\".*"));
        Run second = vireo("blockpull", "jobs", "vda");
        assertEquals(1, second.exit());
        assertTrue(second.err().startsWith("error: disk 'vda' already in active block job 'pull-vda-libvirt-1-format'"), second.err());
        Run pivot = vireo("blockjob", "jobs", "vda", "--pivot");
        assertEquals("error: block copy still active: block job 'pull-vda-libvirt-1-format' not ready for pivot yet\n", pivot.err());
        assertEquals(new Run(0, "\n", ""), vireo("blockjob", "jobs", "vda", "--bandwidth", "2"));
        assertEquals(" bandwidth=2\n", vireo("blockjob", "jobs", "vda", "--raw").out().lines()
                .filter(l -> l.startsWith(" bandwidth")).findFirst().orElseThrow() + "\n");
        assertEquals(new Run(0, "\n", ""), vireo("blockjob", "jobs", "vda", "--abort"));
        assertEquals(new Run(0, "No current block job for vda\n", ""), vireo("blockjob", "jobs", "vda"));
        Run none = vireo("blockjob", "jobs", "vda", "--abort");
        assertEquals(new Run(1, "", "error: disk vda does not have an active block job\n"), none);
        assertEquals(1, vireo("blockpull", "jobs", "vda", "--verbose").exit(), "--verbose requires --wait");
        assertEquals(1, vireo("blockpull", "jobs", "vda", "--keep-relative").exit(), "--keep-relative requires --base");
    }

    @Test
    void commitsWithVirshsMessages() throws Exception {
        startGuest();
        Run refused = vireo("blockcommit", "jobs", "vda");
        assertEquals(new Run(1, "", "error: commit of 'vda' active layer requires active flag\n"), refused);
        assertEquals(1, vireo("blockcommit", "jobs", "vda", "--verbose").exit(), "--verbose needs a waiting option");
        assertEquals(1, vireo("blockcommit", "jobs", "vda", "--pivot", "--keep-overlay").exit());
        Run middle = vireo("blockcommit", "jobs", "vda", "--top", "vda[2]", "--wait");
        assertEquals(new Run(0, "\nCommit complete\n", ""), middle);
        Run active = vireo("blockcommit", "jobs", "vda", "--active", "--pivot", "--verbose");
        assertEquals(0, active.exit(), active.toString());
        assertEquals("\nSuccessfully pivoted\n", active.out());
        assertTrue(active.err().matches("(?s)\\rBlock commit: .*\\rBlock commit: \\[100 %] *"), active.err());
        Run list = vireo("domblklist", "jobs");
        assertTrue(list.out().contains("base.qcow2") && !list.out().contains("top.qcow2"), list.out());
    }

    @Test
    void aTimedOutPullIsAbortedWithExitStatus1() throws Exception {
        startGuest();
        Run pull = vireo("blockpull", "jobs", "vda", "--bandwidth", "1", "--wait", "--timeout", "1");
        assertEquals(new Run(1, "\nPull aborted\n", ""), pull);
        assertTrue(vireo("domblklist", "jobs", "--details").out().contains("mid.qcow2"), "the chain is unchanged");
    }
}
