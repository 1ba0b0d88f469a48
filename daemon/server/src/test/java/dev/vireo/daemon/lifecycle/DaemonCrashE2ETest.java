package dev.vireo.daemon.lifecycle;

import dev.vireo.protocol.DomainState;
import dev.vireo.client.VireoClient;
import dev.vireo.process.TestGuest;
import dev.vireo.qmp.QmpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * vireod killed with -9 in the middle of a start, or down while a guest powers off: the next
 * daemon leaves no QEMU nobody knows, shows the truth, and the next start works.
 */
@DisabledIfSystemProperty(named = "vireo.skipE2E", matches = "true")
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class DaemonCrashE2ETest {
    @TempDir
    Path tmp;

    /**
     * recorded: the runtime record exists, QEMU does not yet; spawned: QEMU runs paused and its pid
     * is not recorded yet (found by its monitor path); connected: pid recorded, monitor connected,
     * no cont yet.
     */
    @ParameterizedTest
    @ValueSource(strings = {"recorded", "spawned", "connected"})
    void killedDuringAStartLeavesNoQemuAndTheNextStartWorks(String point) throws Exception {
        try (DaemonProcess daemon = DaemonProcess.start(tmp, "-D" + StartHold.PROPERTY + "=" + point)) {
            try (VireoClient c = daemon.client()) {
                c.define(GuestDomains.idler("idler", ""));
            }
            CompletableFuture<Void> start = CompletableFuture.runAsync(() -> {
                try (VireoClient c = daemon.client()) {
                    c.start("idler");
                } catch (Exception daemonDied) {
                    // expected: the daemon is killed while it starts the guest
                }
            });
            daemon.awaitLog("start of domain idler held at " + point);
            if (!point.equals("recorded")) assertEquals(1, daemon.qemus().size(), "QEMU runs");
            daemon.kill9();
            start.get(30, TimeUnit.SECONDS);

            daemon.jvmOptions = List.of();
            daemon.start();
            try (VireoClient c = daemon.client()) {
                assertEquals("shut off", c.domState("idler").state());
                assertEquals(List.of(), daemon.qemus(), "the interrupted start's QEMU was stopped");
                assertEquals(List.of(), daemon.runtimeFiles(), "its runtime files are gone");
                c.start("idler");
                assertEquals(new DomainState("running", "booted"), c.domState("idler"));
                c.destroy("idler");
            }
            assertEquals(List.of(), daemon.qemus());
        }
    }

    @Test
    void aGuestThatPoweredOffWhileTheDaemonWasDownIsShutOff() throws Exception {
        try (DaemonProcess daemon = DaemonProcess.start(tmp)) {
            try (VireoClient c = daemon.client()) {
                c.define(GuestDomains.domain(tmp, "leaver", "idle"));
                c.start("leaver");
            }
            daemon.awaitConsole("leaver", TestGuest.READY);
            Path monitor;
            try (var files = Files.list(tmp.resolve("run/qemu"))) {
                monitor = files.filter(f -> f.toString().endsWith(".monitor")).findFirst().orElseThrow();
            }
            daemon.kill9();
            // the guest powers off with nobody listening: QEMU (-no-shutdown) stays, status 'shutdown'
            try (QmpClient qmp = QmpClient.connect(monitor)) {
                qmp.execute("system_powerdown");
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
                while (!qmp.execute("query-status").path("status").asText().equals("shutdown")) {
                    assertTrue(System.nanoTime() < deadline, "the guest powered off");
                    Thread.sleep(100);
                }
            }
            daemon.start();
            try (VireoClient c = daemon.client()) {
                assertEquals(new DomainState("shut off", "shutdown"), c.domState("leaver"));
                assertEquals(List.of(), daemon.qemus(), "the powered-off guest's QEMU was stopped");
                assertEquals(List.of(), daemon.runtimeFiles());
            }
        }
    }
}
