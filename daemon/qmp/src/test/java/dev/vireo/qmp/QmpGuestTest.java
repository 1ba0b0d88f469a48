package dev.vireo.qmp;

import dev.vireo.process.ExitStatus;
import dev.vireo.process.ManagedProcess;
import dev.vireo.process.ProcessSpawner;
import dev.vireo.process.SpawnSpec;
import dev.vireo.process.TestGuest;
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
        ManagedProcess qemu = ProcessSpawner.spawn(SpawnSpec.command(argv).log(dir.resolve("qemu.log")).build());
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
}
