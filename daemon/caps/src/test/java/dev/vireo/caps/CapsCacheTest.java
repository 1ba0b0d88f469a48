package dev.vireo.caps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CapsCacheTest {

    @TempDir
    Path dir;

    private Path log;
    private Path emulator;
    private Path state;

    @BeforeEach
    void fakeEmulator() throws Exception {
        log = dir.resolve("runs.log");
        emulator = FakeEmulator.write(dir, "qemu-1.1", FakeEmulator.HELP_1_1, FakeEmulator.DEVICES_1_1, log);
        state = dir.resolve("state/caps");
    }

    private long helpRuns() throws Exception {
        return Files.exists(log) ? Files.readAllLines(log).stream().filter("-help"::equals).count() : 0;
    }

    @Test
    void probesOnceThenAnswersFromMemory() throws Exception {
        CapsCache cache = new CapsCache(state, new CapsProber());
        QemuCaps first = cache.get(emulator);
        QemuCaps second = cache.get(emulator);
        assertEquals(first, second);
        assertEquals(1, helpRuns());
    }

    @Test
    void aRestartedDaemonReadsTheStateDirectoryInsteadOfProbing() throws Exception {
        QemuCaps probed = new CapsCache(state, new CapsProber()).get(emulator);
        QemuCaps reread = new CapsCache(state, new CapsProber()).get(emulator);
        assertEquals(probed, reread);
        assertEquals(1, helpRuns());
        try (var files = Files.list(state)) {
            assertEquals(1, files.count());
        }
    }

    @Test
    void aChangedBinaryIsProbedAgainAndItsOldEntryRemoved() throws Exception {
        CapsCache cache = new CapsCache(state, new CapsProber());
        cache.get(emulator);
        Files.setLastModifiedTime(emulator, FileTime.from(Instant.now().plusSeconds(60)));
        cache.get(emulator);
        assertEquals(2, helpRuns());
        new CapsCache(state, new CapsProber()).get(emulator);
        assertEquals(2, helpRuns(), "the new result persisted");
        try (var files = Files.list(state)) {
            assertEquals(1, files.count(), "the stale file was replaced");
        }
    }

    @Test
    void concurrentRequestsShareOneProbe() throws Exception {
        CapsCache cache = new CapsCache(state, new CapsProber());
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            List<Future<QemuCaps>> answers = new ArrayList<>();
            Callable<QemuCaps> ask = () -> cache.get(emulator);
            for (int i = 0; i < 16; i++) answers.add(pool.submit(ask));
            QemuCaps first = answers.getFirst().get();
            for (Future<QemuCaps> answer : answers) assertEquals(first, answer.get());
        }
        assertEquals(1, helpRuns());
    }

    @Test
    void aFailedProbeIsNotRemembered() throws Exception {
        Path flaky = FakeEmulator.script(dir, "qemu-flaky", """
                if [ -e '%1$s' ]; then cat '%2$s'; else echo broken >&2; exit 1; fi
                """.formatted(dir.resolve("fixed"), dir.resolve("qemu-1.1.help")));
        CapsCache cache = new CapsCache(state, new CapsProber());
        ProbeException e = assertThrows(ProbeException.class, () -> cache.get(flaky));
        assertTrue(e.getMessage().contains("exit status 1: broken"), e.getMessage());
        Files.createFile(dir.resolve("fixed"));
        assertEquals(1001000, cache.get(flaky).version());
    }

    @Test
    void aDamagedCacheFileIsProbedAgain() throws Exception {
        new CapsCache(state, new CapsProber()).get(emulator);
        try (var files = Files.list(state)) {
            Files.writeString(files.findFirst().orElseThrow(), "<qemuCaps><version>x");
        }
        assertEquals(1001000, new CapsCache(state, new CapsProber()).get(emulator).version());
        assertEquals(2, helpRuns());
    }

    @Test
    void aMissingBinaryIsNamed() throws Exception {
        Path missing = dir.resolve("no-such-qemu");
        ProbeException e = assertThrows(ProbeException.class, () -> new CapsCache(state, new CapsProber()).get(missing));
        assertEquals("emulator " + missing + " does not exist", e.getMessage());
    }

    @Test
    void reportsUnderThePathTheCallerUsed() throws Exception {
        CapsCache cache = new CapsCache(state, new CapsProber());
        cache.get(emulator);
        Path other = dir.resolve("sub/../qemu-1.1");
        Files.createDirectories(dir.resolve("sub"));
        assertEquals(other.toString(), cache.get(other).emulator());
        assertEquals(1, helpRuns());
    }

    @Test
    void anUpdatedFirmwarePackageIsProbedAfresh() throws Exception {
        Path firmware = Files.createDirectories(dir.resolve("firmware"));
        CapsProber prober = new CapsProber(CapsProber.DEFAULT_TIMEOUT, new FirmwareDescriptors(List.of(firmware)));
        CapsCache cache = new CapsCache(state, prober);
        cache.get(emulator);
        Thread.sleep(5); // a time step the file system's clock can show
        Files.writeString(firmware.resolve("60-edk2.json"), "{}");
        cache.get(emulator);
        cache.get(emulator);
        assertEquals(2, helpRuns());
        assertEquals(2, helpRunsAfterRestart(prober), "the new stamp's file was stored");
    }

    private long helpRunsAfterRestart(CapsProber prober) throws Exception {
        new CapsCache(state, prober).get(emulator);
        return helpRuns();
    }

    @Test
    void theDetailsOfAQmpProbeSurviveARestart() throws Exception {
        Path qemu = Path.of("/usr/bin/qemu-system-x86_64");
        assertTrue(Files.isExecutable(qemu), "QEMU 7.2 must be installed at " + qemu + " (scripts/install-deps)");
        QemuCaps probed = new CapsCache(state, new CapsProber()).get(qemu);
        assertTrue(!probed.machines().isEmpty() && !probed.firmware().isEmpty(), "a modern binary with firmware");
        assertEquals(probed, new CapsCache(state, new CapsProber()).get(qemu));
        // the restart really read the file: a change made there shows
        try (var files = Files.list(state)) {
            Path stored = files.filter(f -> f.toString().endsWith(".xml")).findFirst().orElseThrow();
            Files.writeString(stored, Files.readString(stored).replace("alias='q35' maxCpus='288'", "alias='q35' maxCpus='7'"));
        }
        QemuCaps reread = new CapsCache(state, new CapsProber()).get(qemu);
        assertEquals(7, reread.machines().stream().filter(m -> "q35".equals(m.alias())).findFirst().orElseThrow().maxCpus());
    }
}
