package dev.vireo.process;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Boots the real test guest with QEMU 7.2 (TCG) through our spawner and checks its disk. */
class TestGuestBootTest {
    private static final Duration BOOT = Duration.ofSeconds(60);
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

    private static String run(String... argv) throws Exception {
        Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), String.join(" ", argv) + ":\n" + out);
        return out;
    }

    private Path newDisk() throws Exception {
        Path disk = dir.resolve("disk.qcow2");
        run("qemu-img", "create", "-q", "-f", "qcow2", disk.toString(), "16M");
        return disk;
    }

    private static void assertPattern(Path disk, String pattern) throws Exception {
        String out = run("qemu-io", "-r", "-f", "qcow2", "-c", "read -P " + pattern + " 0 1M", disk.toString());
        assertTrue(out.contains("read 1048576/1048576 bytes at offset 0"), out);
    }

    @Test
    void theGuestWritesItsPatternToAVirtioDiskAndPowersOff() throws Exception {
        TestGuest guest = TestGuest.get();
        Path disk = newDisk();
        Path serial = dir.resolve("serial.log");
        List<String> argv = guest.qemuArgv(serial, TestGuest.cmdline("write", "vireo.pattern=0xa7", "vireo.then=poweroff"));
        argv.addAll(List.of("-drive", "file=" + disk + ",if=virtio,format=qcow2"));
        qemu = ProcessSpawner.spawn(SpawnSpec.command(argv).log(dir.resolve("qemu.log")).build());

        assertEquals("VIREO-GUEST-WROTE pattern=0xa7 mib=1", TestGuest.awaitMarker(serial, TestGuest.WROTE, BOOT));
        assertEquals(new ExitStatus.Exited(0), qemu.onExit().get(60, TimeUnit.SECONDS));
        assertPattern(disk, "0xa7");
    }

    /** The way the daemon runs guests: QEMU never opens the image itself (issue 5). */
    @Test
    void theGuestWritesThroughAnImagePassedAsInheritedFds() throws Exception {
        TestGuest guest = TestGuest.get();
        Path disk = newDisk();
        Path serial = dir.resolve("serial.log");
        List<String> argv = guest.qemuArgv(serial, TestGuest.cmdline("write", "vireo.then=poweroff"));
        // QEMU opens an fdset read-only first and then read-write: the set needs both.
        argv.addAll(List.of("-add-fd", "fd=3,set=1,opaque=disk-ro", "-add-fd", "fd=4,set=1,opaque=disk-rw",
                "-drive", "file=/dev/fdset/1,if=virtio,format=qcow2"));
        try (OwnedFd ro = OwnedFd.open(disk, OpenMode.READ_ONLY);
             OwnedFd rw = OwnedFd.open(disk, OpenMode.READ_WRITE)) {
            qemu = ProcessSpawner.spawn(SpawnSpec.command(argv).inherit(3, ro).inherit(4, rw)
                    .log(dir.resolve("qemu.log")).build());
        }
        TestGuest.awaitMarker(serial, TestGuest.WROTE, BOOT);
        assertEquals(new ExitStatus.Exited(0), qemu.onExit().get(60, TimeUnit.SECONDS));
        assertPattern(disk, "0x5a");
    }
}
