package dev.vireo.daemon.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vireo.client.VireoClient;
import dev.vireo.protocol.DomainState;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * A guest with an emulated TPM when vireod is killed with -9: swtpm outlives the daemon. The next
 * daemon takes the running guest's swtpm over (and stops it with the guest, as before), and stops
 * a swtpm whose guest is gone, removing its socket.
 */
@DisabledIfSystemProperty(named = "vireo.skipE2E", matches = "true")
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class SwtpmRecoveryE2ETest {
    private static final String TPM = "<tpm model='tpm-tis'><backend type='emulator' version='2.0'/></tpm>";

    @TempDir
    Path tmp;

    @Test
    void aRunningGuestsSwtpmIsFoundAgainAndStoppedWithTheGuest() throws Exception {
        try (DaemonProcess daemon = DaemonProcess.start(tmp)) {
            try (VireoClient c = daemon.client()) {
                c.define(GuestDomains.idler("tpm", TPM));
                c.start("tpm");
            }
            List<ProcessHandle> before = swtpms();
            assertEquals(1, before.size(), "one swtpm for the guest");
            daemon.kill9();
            assertTrue(before.get(0).isAlive(), "swtpm outlives the killed daemon");
            daemon.start();
            try (VireoClient c = daemon.client()) {
                assertEquals(new DomainState("running", "booted"), c.domState("tpm"));
                assertEquals(before.stream().map(ProcessHandle::pid).toList(), swtpms().stream().map(ProcessHandle::pid).toList(),
                        "the same swtpm serves the guest");
                String tpm = c.qemuMonitorCommand("tpm", "{\"execute\":\"query-tpm\"}");
                assertTrue(tpm.contains("\"type\":\"emulator\""), tpm);
                daemon.awaitLog("domain tpm: swtpm found again (pid " + before.get(0).pid() + ")");
                c.destroy("tpm");
            }
            before.get(0).onExit().get(20, TimeUnit.SECONDS);
            assertEquals(List.of(), swtpms(), "destroy stopped the taken-over swtpm");
            assertEquals(List.of(), daemon.runtimeFiles(), "its socket is gone with the guest's other runtime files");
        }
    }

    /** Killed after swtpm started and before QEMU existed: nothing uses that swtpm any more. */
    @Test
    void anOrphanSwtpmIsStoppedAndItsSocketRemoved() throws Exception {
        try (DaemonProcess daemon = DaemonProcess.start(tmp, "-D" + StartHold.PROPERTY + "=recorded")) {
            try (VireoClient c = daemon.client()) {
                c.define(GuestDomains.idler("tpm", TPM));
            }
            CompletableFuture<Void> start = CompletableFuture.runAsync(() -> {
                try (VireoClient c = daemon.client()) {
                    c.start("tpm");
                } catch (Exception daemonDied) {
                    // expected: the daemon is killed while it starts the guest
                }
            });
            daemon.awaitLog("start of domain tpm held at recorded");
            List<ProcessHandle> orphan = swtpms();
            assertEquals(1, orphan.size(), "swtpm runs, QEMU does not yet");
            assertEquals(List.of(), daemon.qemus());
            daemon.kill9();
            start.get(30, TimeUnit.SECONDS);
            assertTrue(orphan.get(0).isAlive(), "swtpm outlives the killed daemon");

            daemon.jvmOptions = List.of();
            daemon.start();
            orphan.get(0).onExit().get(20, TimeUnit.SECONDS);
            try (VireoClient c = daemon.client()) {
                assertEquals("shut off", c.domState("tpm").state());
                assertEquals(List.of(), swtpms(), "the orphan swtpm was stopped");
                assertEquals(List.of(), daemon.runtimeFiles(), "its socket was removed");
                c.start("tpm");
                assertEquals(1, swtpms().size(), "the next start has its own swtpm");
                c.destroy("tpm");
            }
        }
    }

    /** The guest's QEMU is killed too while the daemon is down: no swtpm and no socket stay behind. */
    @Test
    void aSwtpmWhoseGuestDiedMeanwhileLeavesNothingBehind() throws Exception {
        try (DaemonProcess daemon = DaemonProcess.start(tmp)) {
            try (VireoClient c = daemon.client()) {
                c.define(GuestDomains.idler("tpm", TPM));
                c.start("tpm");
            }
            List<ProcessHandle> tpm = swtpms();
            assertEquals(1, tpm.size());
            daemon.kill9();
            for (ProcessHandle qemu : daemon.qemus()) {
                qemu.destroyForcibly();
                qemu.onExit().get(10, TimeUnit.SECONDS);
            }
            daemon.start();
            tpm.get(0).onExit().get(20, TimeUnit.SECONDS);
            try (VireoClient c = daemon.client()) {
                assertEquals("shut off", c.domState("tpm").state());
            }
            assertEquals(List.of(), swtpms());
            assertEquals(List.of(), daemon.runtimeFiles(), "no socket or record stays behind");
        }
    }

    /** swtpm processes whose control socket is in this test's folder. */
    private List<ProcessHandle> swtpms() {
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(l -> l.contains("swtpm socket") && l.contains(tmp.toString())).orElse(false))
                .toList();
    }
}
