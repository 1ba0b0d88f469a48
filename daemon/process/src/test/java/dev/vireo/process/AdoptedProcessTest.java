package dev.vireo.process;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Processes that are not our children stand in for guests found again after a daemon restart. */
class AdoptedProcessTest {

    @Test
    void aProcessFoundAgainCanBeSignalledAndItsEndIsSeen() throws Exception {
        Process other = new ProcessBuilder("sleep", "600").start();
        try {
            ProcessIdentity identity = ProcessIdentity.of(other.pid()).orElseThrow();
            ManagedProcess adopted = ManagedProcess.adopt(identity).orElseThrow();
            assertEquals(other.pid(), adopted.pid());
            assertTrue(adopted.isAlive());
            assertTrue(adopted.kill(Signal.SIGTERM));
            assertEquals(new ExitStatus.Unknown(), adopted.onExit().get(20, TimeUnit.SECONDS));
            assertFalse(adopted.kill(Signal.SIGKILL));
        } finally {
            other.destroyForcibly();
        }
    }

    @Test
    void aDifferentProcessUnderTheSamePidOrFromAnotherBootIsNotAdopted() throws Exception {
        Process other = new ProcessBuilder("sleep", "600").start();
        try {
            ProcessIdentity real = ProcessIdentity.of(other.pid()).orElseThrow();
            ProcessIdentity older = new ProcessIdentity(real.pid(), real.startTicks() - 1, real.bootId());
            assertFalse(older.isRunning());
            assertEquals(Optional.empty(), ManagedProcess.adopt(older));
            ProcessIdentity beforeReboot = new ProcessIdentity(real.pid(), real.startTicks(), "another-boot");
            assertFalse(beforeReboot.isRunning());
            assertEquals(Optional.empty(), ManagedProcess.adopt(beforeReboot));
        } finally {
            other.destroyForcibly();
        }
    }

    @Test
    void aProcessThatIsGoneIsNotAdopted() throws Exception {
        // A process that lives until we end it: a short-lived one could be gone before its
        // identity is read.
        Process other = new ProcessBuilder("sleep", "600").start();
        ProcessIdentity identity = ProcessIdentity.of(other.pid()).orElseThrow();
        other.destroyForcibly();
        // The JDK reaps it; wait until its /proc entry is gone.
        other.onExit().get(20, TimeUnit.SECONDS);
        while (ProcessIdentity.of(identity.pid()).isPresent()) {
            Thread.sleep(10);
        }
        assertEquals(Optional.empty(), ManagedProcess.adopt(identity));
    }

    @Test
    void theStartTimeIsReadPastACommandNameWithSpacesAndParentheses(@TempDir Path dir) throws Exception {
        Path oddName = Files.copy(Path.of("/bin/sleep"), dir.resolve("a) b (c"));
        Files.setPosixFilePermissions(oddName, PosixFilePermissions.fromString("rwx------"));
        ManagedProcess child = ProcessSpawner.spawn(SpawnSpec.command(oddName.toString(), "600").build());
        try {
            assertEquals("(a) b (c)", Files.readString(Path.of("/proc/" + child.pid() + "/stat")).split(" ", 2)[1]
                    .substring(0, 9));
            ProcessIdentity identity = ProcessIdentity.of(child.pid()).orElseThrow();
            assertEquals(child.identity(), identity);
            assertTrue(identity.isRunning());
        } finally {
            child.kill(Signal.SIGKILL);
        }
    }
}
