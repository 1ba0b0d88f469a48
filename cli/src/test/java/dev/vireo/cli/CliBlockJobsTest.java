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

    /**
     * Ctrl-C during {@code --wait} aborts the job, as virsh does: vireo runs as its own process
     * (bin/vireo's main class and JVM), gets SIGINT while it waits, cancels the pull, prints
     * {@code Pull aborted} and exits 1; the chain is unchanged.
     */
    @Test
    void sigintWhileWaitingAbortsThePull() throws Exception {
        startGuest();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // a shell in a terminal runs its foreground command with SIGINT at its default, which a
        // process started from a background job (the test runner) may not have: reset it, then exec
        Process cli = new ProcessBuilder("python3", "-c",
                "import os, signal, sys; signal.signal(signal.SIGINT, signal.SIG_DFL); os.execv(sys.argv[1], sys.argv[1:])",
                java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                "dev.vireo.cli.Main", "-c", "unix:" + vireod.socket(), "blockpull", "jobs", "vda", "--bandwidth", "1", "--wait", "--verbose")
                .redirectOutput(tmp.resolve("cli.out").toFile()).redirectError(tmp.resolve("cli.err").toFile()).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            // the handler is in place before the job starts: once it runs (and shows progress), Ctrl-C
            while (!vireo("blockjob", "jobs", "vda", "--raw").out().contains("type=Block Pull")
                    || !Files.readString(tmp.resolve("cli.err")).contains("Block Pull: [")) {
                assertTrue(cli.isAlive(), "vireo ended early: " + Files.readString(tmp.resolve("cli.err")));
                assertTrue(System.nanoTime() < deadline, "the pull never showed up");
                Thread.sleep(50);
            }
            assertEquals(0, new ProcessBuilder("kill", "-INT", Long.toString(cli.pid())).start().waitFor());
            assertTrue(cli.waitFor(60, TimeUnit.SECONDS), "vireo did not end after SIGINT");
        } finally {
            cli.destroyForcibly();
        }
        assertEquals(1, cli.exitValue(), Files.readString(tmp.resolve("cli.err")));
        assertEquals("\nPull aborted\n", Files.readString(tmp.resolve("cli.out")));
        assertTrue(Files.readString(tmp.resolve("cli.err")).startsWith("\rBlock Pull: ["), Files.readString(tmp.resolve("cli.err")));
        assertEquals(new Run(0, "No current block job for vda\n", ""), vireo("blockjob", "jobs", "vda"), "the job was cancelled");
        assertTrue(vireo("domblklist", "jobs", "--details").out().contains("mid.qcow2"), "the chain is unchanged");
    }
}
