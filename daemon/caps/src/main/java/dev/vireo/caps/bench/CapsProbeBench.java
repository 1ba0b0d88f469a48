package dev.vireo.caps.bench;

import dev.vireo.caps.CapsCache;
import dev.vireo.caps.CapsProber;
import dev.vireo.caps.HostCpu;
import dev.vireo.caps.ProbeException;
import dev.vireo.caps.QemuCaps;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Probe time of an emulator binary: cold (every run of the emulator; for a modern binary the
 * {@code -help} run plus the QMP session(s)), answered from the cache's memory, and answered from its
 * state directory by a fresh cache (a daemon restart). Prints medians over repeats; run through
 * {@code scripts/bench-caps}, which also measures libvirt's first probe of the same binary.
 */
public final class CapsProbeBench {

    private CapsProbeBench() {
    }

    public static void main(String[] args) throws Exception {
        Path binary = Path.of(args.length > 0 ? args[0] : "/usr/bin/qemu-system-x86_64");
        int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        Path state = Files.createTempDirectory("vireo-caps-bench-");
        try {
            run(binary, repeats, state);
        } finally {
            deleteTree(state);
        }
    }

    private static void run(Path binary, int repeats, Path state) throws IOException, ProbeException {
        CapsProber prober = new CapsProber();
        long firstStart = System.nanoTime();
        QemuCaps caps = prober.probe(binary);
        long first = System.nanoTime() - firstStart;
        System.out.printf("emulator %s: QEMU %s, %d flags, %d machine types, %d devices, %d CPU models (%s), %d firmware%n",
                binary, caps.versionString(), caps.flags().size(), caps.machines().size(), caps.details().devices().size(),
                caps.details().cpuModels().size(), String.join("+", caps.accelerators()), caps.firmware().size());
        for (HostCpu h : caps.details().hostCpus()) {
            System.out.printf("host-model CPU under %s: %s (%s) with %d feature differences%n", h.accel(), h.model(),
                    h.vendor(), h.features().size());
        }
        System.out.printf("cold probe, first in this JVM:     %8.1f ms%n", first / 1e6);

        long[] cold = new long[repeats];
        for (int i = 0; i < repeats; i++) {
            long t = System.nanoTime();
            prober.probe(binary);
            cold[i] = System.nanoTime() - t;
        }
        System.out.printf("cold probe, median of %3d:          %8.1f ms%n", repeats, median(cold) / 1e6);

        CapsCache cache = new CapsCache(state, prober);
        cache.get(binary);
        int lookups = 100_000;
        long[] memory = new long[5];
        for (int round = 0; round < memory.length; round++) {
            long t = System.nanoTime();
            for (int i = 0; i < lookups; i++) cache.get(binary);
            memory[round] = (System.nanoTime() - t) / lookups;
        }
        System.out.printf("cached in memory (stat + lookup):   %8.2f us%n", median(memory) / 1e3);

        long[] restart = new long[repeats];
        for (int i = 0; i < repeats; i++) {
            long t = System.nanoTime();
            new CapsCache(state, prober).get(binary);
            restart[i] = System.nanoTime() - t;
        }
        System.out.printf("cached on disk (new cache), median: %8.2f ms%n", median(restart) / 1e6);
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}
