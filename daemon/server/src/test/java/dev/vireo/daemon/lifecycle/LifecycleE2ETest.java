package dev.vireo.daemon.lifecycle;

import dev.vireo.protocol.DomainEvent;
import dev.vireo.protocol.DomainState;
import dev.vireo.protocol.DomainSummary;
import dev.vireo.protocol.ErrorCodes;
import dev.vireo.client.VireoClient;
import dev.vireo.client.VireoException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Real guests (QEMU 7.2, TCG) run by a real vireod, through its socket. */
@DisabledIfSystemProperty(named = "vireo.skipE2E", matches = "true")
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class LifecycleE2ETest {
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
    void theGuestWritesItsDiskAndPowersOffOnShutdown() throws Exception {
        try (VireoClient c = daemon.client()) {
            c.define(GuestDomains.domain(tmp, "writer", "write"));
            c.start("writer");
            assertEquals(new DomainState("running", "booted"), c.domState("writer"));
            assertEquals(1, c.list(false).size());
            String live = c.dumpXml("writer", false);
            assertTrue(live.contains("id='1'") || live.contains("id=\"1\""), live);

            daemon.awaitConsole("writer", "VIREO-GUEST-WROTE");
            c.shutdown("writer", Duration.ofSeconds(90));
            assertEquals(new DomainState("shut off", "shutdown"), c.domState("writer"));
            assertTrue(daemon.runtimeFiles().isEmpty(), "runtime files removed: " + daemon.runtimeFiles());
        }
        String check = GuestDomains.run("qemu-io", "-r", "-f", "qcow2", "-c", "read -P 0x5a 0 1M", tmp.resolve("writer.qcow2").toString());
        assertFalse(check.contains("Pattern verification failed"), check);
        String log = Files.readString(tmp.resolve("state/log/writer.log"));
        assertTrue(log.contains("starting up") && log.contains("-name writer") && log.contains("reason=shutdown"), log);
    }

    @Test
    void destroyAndAKilledQemuBothEndShutOffWithTheirReason() throws Exception {
        try (VireoClient c = daemon.client()) {
            c.define(GuestDomains.domain(tmp, "victim", "idle"));
            c.start("victim");
            c.destroy("victim");
            assertEquals(new DomainState("shut off", "destroyed"), c.domState("victim"));

            c.start("victim");
            long pid = RuntimeRecord.read(tmp.resolve("run/qemu/victim.json")).pid();
            ProcessHandle qemu = ProcessHandle.of(pid).orElseThrow();
            qemu.destroyForcibly();
            qemu.onExit().get();
            awaitState(c, "victim", "shut off");
            assertEquals(new DomainState("shut off", "failed"), c.domState("victim"));
            assertTrue(daemon.runtimeFiles().isEmpty(), "runtime files removed: " + daemon.runtimeFiles());

            VireoException notRunning = assertThrows(VireoException.class, () -> c.suspend("victim"));
            assertEquals(ErrorCodes.OPERATION_INVALID, notRunning.code());
        }
    }

    @Test
    void aRestartedDaemonFindsTwoRunningGuestsKeepsManagingThemAndStartsAutostartOnes() throws Exception {
        try (VireoClient c = daemon.client()) {
            c.define(GuestDomains.domain(tmp, "one", "idle"));
            c.create(GuestDomains.domain(tmp, "two", "idle"));
            c.start("one");
            c.suspend("two");
            c.define(GuestDomains.domain(tmp, "auto", "idle"));
            c.autostart("auto", true);
        }
        daemon.restart();
        try (VireoClient c = daemon.client()) {
            awaitState(c, "auto", "running");
            assertEquals(new DomainState("running", "booted"), c.domState("auto"));
            c.destroy("auto");
            List<DomainSummary> running = c.list(false);
            assertEquals(List.of("one", "two"), running.stream().map(DomainSummary::name).toList());
            assertEquals(new DomainState("running", "booted"), c.domState("one"));
            assertEquals("paused", c.domState("two").state());

            List<DomainEvent> seen = new ArrayList<>();
            VireoClient listener = daemon.client();
            listener.subscribe("two");
            CompletableFuture<Boolean> events = CompletableFuture.supplyAsync(() -> {
                try (listener) {
                    return listener.eventLoop(Duration.ofSeconds(60), e -> {
                        seen.add(e);
                        return seen.size() < 2;
                    });
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            c.resume("two");
            assertEquals("{\"return\":{\"status\":\"running\",\"singlestep\":false,\"running\":true}}",
                    c.qemuMonitorCommand("two", "{\"execute\":\"query-status\"}").toString());
            c.destroy("two");
            assertTrue(events.get(), "both events arrived");
            assertEquals(List.of(new DomainEvent("two", "lifecycle", "Resumed", "Unpaused"),
                    new DomainEvent("two", "lifecycle", "Stopped", "Destroyed")), seen);
            assertEquals(List.of("auto", "one"), c.list(true).stream().map(DomainSummary::name).toList(),
                    "the transient domain is gone once stopped");
            c.destroy("one");
        }
    }

    private static void awaitState(VireoClient c, String domain, String state) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!c.domState(domain).state().equals(state)) {
            if (System.nanoTime() > deadline) throw new AssertionError(domain + " never became " + state);
            Thread.sleep(50);
        }
    }
}
