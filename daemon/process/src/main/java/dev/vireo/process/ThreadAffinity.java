package dev.vireo.process;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.BitSet;

/**
 * Which host CPUs a thread may run on ({@code sched_setaffinity}), for the threads of a guest's
 * QEMU that the domain pins ({@code <cputune><vcpupin>}, {@code <iothreadpin>}): QEMU reports their
 * host thread ids over QMP.
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
}
