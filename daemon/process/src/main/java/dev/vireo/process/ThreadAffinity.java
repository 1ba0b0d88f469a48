package dev.vireo.process;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Which host CPUs a thread may run on ({@code sched_setaffinity}), for the threads of a guest's
 * QEMU that the domain pins ({@code <cputune><vcpupin>}, {@code <iothreadpin>}, {@code <emulatorpin>}):
 * QEMU reports the vCPUs' and I/O threads' host thread ids over QMP; the others are the rest of
 * {@code /proc/PID/task}.
 */
public final class ThreadAffinity {
    /** glibc's cpu_set_t holds 1024 CPUs; larger sets are passed as bigger masks, as the kernel allows. */
    private static final int MIN_MASK_BITS = 1024;

    private ThreadAffinity() {
    }

    /**
     * Lets thread {@code tid} run only on {@code cpus}.
     *
     * @throws IOException naming the thread and the kernel's reason (e.g. no CPU of the set is online)
     */
    public static void pin(long tid, BitSet cpus) throws IOException {
        if (cpus.isEmpty()) throw new IllegalArgumentException("an empty CPU set");
        int bits = Math.max(MIN_MASK_BITS, (cpus.length() + 63) / 64 * 64);
        long[] words = cpus.toLongArray();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment mask = arena.allocate((long) bits / 8, 8);
            for (int i = 0; i < words.length; i++) mask.setAtIndex(ValueLayout.JAVA_LONG, i, words[i]);
            Libc.Result r = Libc.schedSetaffinity(Math.toIntExact(tid), mask);
            if (r.failed()) {
                throw new IOException("cannot set the CPU affinity of thread " + tid + ": " + Libc.strerror(r.errno()));
            }
        }
    }

    /** The ids of the threads of process {@code pid} now ({@code /proc/PID/task}). */
    public static List<Long> threadsOf(long pid) throws IOException {
        List<Long> tids = new ArrayList<>();
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path t : tasks) {
                try {
                    tids.add(Long.parseLong(t.getFileName().toString()));
                } catch (NumberFormatException ignored) {
                    // only numeric entries are threads
                }
            }
        } catch (NoSuchFileException e) {
            throw new IOException("process " + pid + " has ended", e);
        }
        return tids;
    }

    /** Whether thread {@code tid} still exists. */
    public static boolean exists(long tid) {
        return Files.exists(Path.of("/proc", Long.toString(tid)));
    }
}
