package dev.vireo.process;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class ProcessSpawnerTest {
    @TempDir
    Path dir;

    private Path file(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }

    private static ExitStatus exitOf(ManagedProcess process) throws Exception {
        return process.onExit().get(20, TimeUnit.SECONDS);
    }

    @Test
    void childReadsAnInheritedFdAndReportsItsExitCode() throws Exception {
        Path log = dir.resolve("child.log");
        try (OwnedFd fd = OwnedFd.open(file("data", "hello from the daemon"), OpenMode.READ_ONLY)) {
            ManagedProcess child = ProcessSpawner.spawn(SpawnSpec.command("/bin/sh", "-c", "cat <&3; exit 7")
                    .inherit(3, fd).log(log).build());
            assertEquals(new ExitStatus.Exited(7), exitOf(child));
        }
        assertEquals("hello from the daemon", Files.readString(log));
    }

    @Test
    void crossedMappingsAndAFdKeepingItsOwnNumberAllArrive() throws Exception {
        Path log = dir.resolve("child.log");
        try (OwnedFd a = OwnedFd.open(file("a", "A"), OpenMode.READ_ONLY);
             OwnedFd b = OwnedFd.open(file("b", "B"), OpenMode.READ_ONLY);
             OwnedFd c = OwnedFd.open(file("c", "C"), OpenMode.READ_ONLY)) {
            // child a <- b and child b <- a: a naive dup2 sequence would lose one of them;
            // c keeps its number, which dup2 alone would leave close-on-exec.
            String script = "cat /dev/fd/%d /dev/fd/%d /dev/fd/%d".formatted(a.fd(), b.fd(), c.fd());
            ManagedProcess child = ProcessSpawner.spawn(SpawnSpec.command("/bin/sh", "-c", script)
                    .inherit(a.fd(), b).inherit(b.fd(), a).inherit(c.fd(), c).log(log).build());
            assertEquals(new ExitStatus.Exited(0), exitOf(child));
        }
        assertEquals("BAC", Files.readString(log));
    }

    @Test
    void onlyTheChosenFdsReachTheChild() throws Exception {
        Path log = dir.resolve("fds.log");
        try (OwnedFd passed = OwnedFd.open(file("passed", "x"), OpenMode.READ_ONLY);
             OwnedFd kept = OwnedFd.open(file("kept", "y"), OpenMode.READ_WRITE)) {
            ManagedProcess child = ProcessSpawner.spawn(SpawnSpec.command("/bin/sh", "-c", "ls /proc/$$/fd")
                    .inherit(5, passed).log(log).build());
            assertEquals(new ExitStatus.Exited(0), exitOf(child));
            assertTrue(kept.fd() > 2);
        }
        assertEquals(List.of("0", "1", "2", "5"), Files.readAllLines(log));
    }

    @Test
    void childrenSpawnedAtTheSameTimeEachGetOnlyTheirOwnFd() throws Exception {
        int children = 24;
        try (var threads = java.util.concurrent.Executors.newFixedThreadPool(8)) {
            List<java.util.concurrent.Future<ManagedProcess>> started = new java.util.ArrayList<>();
            for (int i = 0; i < children; i++) {
                int n = i;
                started.add(threads.submit(() -> {
                    try (OwnedFd fd = OwnedFd.open(file("in-" + n, "child " + n), OpenMode.READ_ONLY)) {
                        return ProcessSpawner.spawn(SpawnSpec.command("/bin/sh", "-c", "ls /proc/$$/fd; cat <&3")
                                .inherit(3, fd).log(dir.resolve("out-" + n)).build());
                    }
                }));
            }
            for (int i = 0; i < children; i++) {
                assertEquals(new ExitStatus.Exited(0), exitOf(started.get(i).get()));
                assertEquals(List.of("0", "1", "2", "3", "child " + i), Files.readAllLines(dir.resolve("out-" + i)));
            }
        }
    }

    @Test
    void stdinIsDevNullAndTheLogIsAppendedTo() throws Exception {
        Path log = file("app.log", "earlier line\n");
        ManagedProcess cat = ProcessSpawner.spawn(SpawnSpec.command("cat").log(log).build());
        assertEquals(new ExitStatus.Exited(0), exitOf(cat));
        ManagedProcess both = ProcessSpawner.spawn(
                SpawnSpec.command("/bin/sh", "-c", "echo out; echo err >&2").log(log).build());
        assertEquals(new ExitStatus.Exited(0), exitOf(both));
        assertEquals(List.of("earlier line", "out", "err"), Files.readAllLines(log));
    }

    @Test
    void theEnvironmentIsExactlyTheOneGiven() throws Exception {
        Path log = dir.resolve("env.log");
        ManagedProcess child = ProcessSpawner.spawn(SpawnSpec.command("/usr/bin/env")
                .environment(Map.of("LC_ALL", "C", "VIREO_MARK", "42")).log(log).build());
        assertEquals(new ExitStatus.Exited(0), exitOf(child));
        assertEquals(List.of("LC_ALL=C", "VIREO_MARK=42"), Files.readAllLines(log).stream().sorted().toList());
    }

    @Test
    void theChildLeadsANewSession() throws Exception {
        Path log = dir.resolve("sid.log");
        ManagedProcess child = ProcessSpawner.spawn(
                SpawnSpec.command("/bin/sh", "-c", "cut -d' ' -f6 /proc/$$/stat").log(log).build());
        assertEquals(new ExitStatus.Exited(0), exitOf(child));
        assertEquals(Long.toString(child.pid()), Files.readString(log).strip());
    }

    @Test
    void aChildEndedByASignalReportsTheSignal() throws Exception {
        ManagedProcess child = ProcessSpawner.spawn(SpawnSpec.command("/bin/sh", "-c", "kill -TERM $$").build());
        ExitStatus status = exitOf(child);
        assertEquals(new ExitStatus.Killed(15, false), status);
        assertEquals("killed by SIGTERM", status.describe());
    }

    @Test
    void killNineIsNoticedAtOnceAndTheDeadChildIsNotSignalledAgain() throws Exception {
        ManagedProcess sleeper = ProcessSpawner.spawn(SpawnSpec.command("sleep", "600").build());
        assertTrue(sleeper.isAlive());
        assertTrue(sleeper.kill(Signal.SIGKILL));
        assertEquals(new ExitStatus.Killed(9, false), exitOf(sleeper));
        assertFalse(sleeper.isAlive());
        assertFalse(sleeper.kill(Signal.SIGKILL), "a reaped child must not be signalled (its pid may be reused)");
        assertFalse(Files.exists(Path.of("/proc", Long.toString(sleeper.pid()))), "the child was reaped");
    }

    @Test
    void aKillFromOutsideTheDaemonIsNoticedToo() throws Exception {
        ManagedProcess sleeper = ProcessSpawner.spawn(SpawnSpec.command("sleep", "600").build());
        Process outsider = new ProcessBuilder("kill", "-9", Long.toString(sleeper.pid())).start();
        assertEquals(0, outsider.waitFor());
        assertEquals(new ExitStatus.Killed(9, false), exitOf(sleeper));
    }

    @Test
    void aMissingProgramIsReportedByName() {
        IOException e = assertThrows(IOException.class,
                () -> ProcessSpawner.spawn(SpawnSpec.command("/nonexistent/qemu-system-x86_64", "-S").build()));
        assertEquals("cannot start /nonexistent/qemu-system-x86_64: No such file or directory", e.getMessage());
    }

    @Test
    void anUnwritableLogIsReportedWithTheProgram() {
        Path log = dir.resolve("no-such-dir/qemu.log");
        IOException e = assertThrows(IOException.class,
                () -> ProcessSpawner.spawn(SpawnSpec.command("true").log(log).build()));
        assertEquals("cannot start true: No such file or directory (log file " + log + ")", e.getMessage());
    }

    @Test
    void fdsBelowThreeCannotBeInherited() throws Exception {
        try (OwnedFd fd = OwnedFd.open(file("f", ""), OpenMode.READ_ONLY)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> SpawnSpec.command("true").inherit(2, fd).build());
            assertEquals("inherited fds must be numbered 3 or higher in the child (0-2 are stdin, stdout,"
                    + " stderr), got 2", e.getMessage());
        }
    }

    @Test
    void runAsChangesUserButKeepsInheritedFds() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "changing uid needs root");
        Path secret = file("secret", "only root may open this");
        Files.setPosixFilePermissions(secret, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        Path log = dir.resolve("as-nobody.log");
        try (OwnedFd fd = OwnedFd.open(secret, OpenMode.READ_ONLY)) {
            ManagedProcess child = ProcessSpawner.spawn(SpawnSpec.command("/bin/sh", "-c",
                            "id -u; id -G; cat <&3; echo; cat " + secret + " 2>/dev/null || echo refused")
                    .inherit(3, fd).runAs(65534, 65534).log(log).build());
            assertEquals(new ExitStatus.Exited(0), exitOf(child));
        }
        assertEquals(List.of("65534", "65534", "only root may open this", "refused"), Files.readAllLines(log));
    }
}
