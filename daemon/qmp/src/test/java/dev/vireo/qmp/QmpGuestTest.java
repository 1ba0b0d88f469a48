package dev.vireo.qmp;

import dev.vireo.process.ExitStatus;
import dev.vireo.process.ManagedProcess;
import dev.vireo.process.ProcessSpawner;
import dev.vireo.process.Signal;
import dev.vireo.process.SpawnSpec;
import dev.vireo.process.TestGuest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The daemon's start and shutdown path in miniature, with the real test guest. */
class QmpGuestTest {
    @TempDir
    Path dir;

    /** Set by each test: QEMU outlives the JVM, so a test that fails midway must not leave it running. */
    private ManagedProcess qemu;

    @AfterEach
    void killQemuLeftRunning() throws Exception {
        if (qemu != null && qemu.kill(Signal.SIGKILL)) {
            qemu.onExit().get(10, TimeUnit.SECONDS);
        }
    }

    @BeforeAll
    static void e2eOnly() {
        TestGuest.assumeE2E();
    }

    @Test
    void startPausedContinueThenPowerDownCleanlyThroughAcpi() throws Exception {
        TestGuest guest = TestGuest.get();
        Path serial = dir.resolve("serial.log");
        Path monitor = dir.resolve("monitor.sock");
        List<String> argv = guest.qemuArgv(serial, TestGuest.cmdline("idle"));
        argv.addAll(List.of("-S", "-qmp", "unix:" + monitor + ",server=on,wait=off"));
        qemu = ProcessSpawner.spawn(SpawnSpec.command(argv).log(dir.resolve("qemu.log")).build());
        try (QmpClient client = QmpClient.connect(monitor, QmpClient.Options.DEFAULTS, qemu::isAlive)) {
            assertEquals("prelaunch", client.execute("query-status").path("status").asText());
            BlockingQueue<QmpEvent> events = new LinkedBlockingQueue<>();
            client.subscribe(Set.of(QmpEvent.POWERDOWN, QmpEvent.SHUTDOWN), events::add);
            client.execute("cont");
            // READY means the guest already watches its power button
            TestGuest.awaitMarker(serial, TestGuest.READY, Duration.ofSeconds(60));

            client.execute("system_powerdown");
            QmpEvent powerdown = events.poll(30, TimeUnit.SECONDS);
            assertNotNull(powerdown);
            assertEquals(QmpEvent.POWERDOWN, powerdown.name());
            QmpEvent shutdown = events.poll(30, TimeUnit.SECONDS);
            assertNotNull(shutdown, "the guest did not power off");
            assertEquals(QmpEvent.SHUTDOWN, shutdown.name());
            assertTrue(shutdown.data().path("guest").asBoolean());
            assertEquals("guest-shutdown", shutdown.data().path("reason").asText());
            assertNotNull(client.onClose().get(30, TimeUnit.SECONDS));
        }
        assertEquals(new ExitStatus.Exited(0), qemu.onExit().get(30, TimeUnit.SECONDS));
        assertTrue(Files.readString(serial).contains(TestGuest.POWEROFF));
    }

    /** The block-job workload: the guest keeps rewriting while the host watches and then stops it. */
    @Test
    void rewriteModeKeepsWritingUntilPoweredDownAndLeavesWholeRecords() throws Exception {
        TestGuest guest = TestGuest.get();
        Path serial = dir.resolve("serial.log");
        Path monitor = dir.resolve("monitor.sock");
        Path disk = dir.resolve("disk.qcow2");
        run("qemu-img", "create", "-q", "-f", "qcow2", disk.toString(), "16M");
        List<String> argv = guest.qemuArgv(serial, TestGuest.cmdline("rewrite", "vireo.pattern=0x10"));
        argv.addAll(List.of("-qmp", "unix:" + monitor + ",server=on,wait=off",
                "-drive", "file=" + disk + ",if=virtio,format=qcow2"));
        qemu = ProcessSpawner.spawn(SpawnSpec.command(argv).log(dir.resolve("qemu.log")).build());
        try (QmpClient client = QmpClient.connect(monitor, QmpClient.Options.DEFAULTS, qemu::isAlive)) {
            assertEquals("VIREO-GUEST-ROUND 1 byte=16", TestGuest.awaitMarker(serial, TestGuest.ROUND + " 1 ", Duration.ofSeconds(60)));
            assertEquals("VIREO-GUEST-ROUND 2 byte=17", TestGuest.awaitMarker(serial, TestGuest.ROUND + " 2 ", Duration.ofSeconds(60)));
            client.execute("system_powerdown");
            assertNotNull(client.onClose().get(60, TimeUnit.SECONDS));
        }
        assertEquals(new ExitStatus.Exited(0), qemu.onExit().get(30, TimeUnit.SECONDS));

        Path raw = dir.resolve("disk.raw");
        run("qemu-img", "convert", "-f", "qcow2", "-O", "raw", disk.toString(), raw.toString());
        byte[] area = java.util.Arrays.copyOf(Files.readAllBytes(raw), 1 << 20);
        int torn = 0;
        for (int record = 0; record < 16; record++) {
            int first = area[record * 65536] & 0xff;
            assertTrue(first >= 0x11, "record " + record + " was written in round 2 or later, holds " + first);
            for (int i = record * 65536; i < (record + 1) * 65536; i++) {
                if ((area[i] & 0xff) != first) {
                    torn++;   // the power-off may cut through the one record being written
                    break;
                }
            }
        }
        assertTrue(torn <= 1, torn + " records are mixed");
    }

    private static void run(String... argv) throws Exception {
        Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), String.join(" ", argv) + ": " + out);
    }
}
