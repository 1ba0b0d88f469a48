package dev.vireo.process;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;

/**
 * Starts processes with libc {@code posix_spawnp}, which, unlike {@code ProcessBuilder}, lets
 * the child keep descriptors the daemon chose (QEMU's image fds for {@code -add-fd fd=N,set=S}).
 *
 * <p>In the child, in this order: stdin from /dev/null; stdout appended to the log file and
 * stderr sharing it; each inherited fd copied to its number; every other fd from 3 up closed
 * (so nothing the daemon opened without O_CLOEXEC leaks); all signals unblocked and at their
 * default disposition (the JVM blocks or ignores some); optionally a new session. Inherited fds
 * pass through scratch numbers above all of them first, so mappings may overlap freely
 * (child 3 &lt;- daemon 4 and child 4 &lt;- daemon 3) and a fd keeps its own number too.
 */
public final class ProcessSpawner {
    private static final int LOG_FLAGS = Libc.O_WRONLY | Libc.O_APPEND | Libc.O_CREAT | Libc.O_NOCTTY;

    private ProcessSpawner() {
    }

    /**
     * Starts {@code spec} and returns the child, already watched by its reaper.
     *
     * @throws IOException naming the program and the reason, e.g. when it does not exist or the
     *                     log file cannot be opened; inherited fds must stay open until this returns
     */
    public static ManagedProcess spawn(SpawnSpec spec) throws IOException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment actions = arena.allocate(Libc.SPAWN_STRUCT_BYTES, 16);
            MemorySegment attr = arena.allocate(Libc.SPAWN_STRUCT_BYTES, 16);
            check(Libc.fileActionsInit(actions), "posix_spawn_file_actions_init");
            try {
                check(Libc.attrInit(attr), "posix_spawnattr_init");
                try {
                    describeFiles(arena, actions, spec);
                    describeAttributes(arena, attr, spec.newSession());
                    MemorySegment pid = arena.allocate(JAVA_INT);
                    int error = Libc.posixSpawnp(pid, arena.allocateFrom(spec.argv().getFirst()), actions, attr,
                            cStrings(arena, spec.argv()), cStrings(arena, environmentStrings(spec.environment())));
                    if (error != 0) {
                        throw new IOException("cannot start " + spec.argv().getFirst() + ": " + Libc.strerror(error)
                                + (spec.logFile() == null ? "" : " (log file " + spec.logFile() + ")"));
                    }
                    return ChildProcess.watch(pid.get(JAVA_INT, 0));
                } finally {
                    Libc.attrDestroy(attr);
                }
            } finally {
                Libc.fileActionsDestroy(actions);
            }
        }
    }

    private static void describeFiles(Arena arena, MemorySegment actions, SpawnSpec spec) throws IOException {
        check(Libc.addOpen(actions, 0, arena.allocateFrom("/dev/null"), Libc.O_RDONLY, 0), "addopen stdin");
        String log = spec.logFile() == null ? "/dev/null" : spec.logFile().toString();
        check(Libc.addOpen(actions, 1, arena.allocateFrom(log), LOG_FLAGS, 0600), "addopen stdout");
        check(Libc.addDup2(actions, 1, 2), "adddup2 stderr");

        List<Map.Entry<Integer, Integer>> mappings = new ArrayList<>();
        int highest = 2;
        for (var e : spec.inheritedFds().entrySet()) {
            int daemonFd = e.getValue().fd();
            mappings.add(Map.entry(e.getKey(), daemonFd));
            highest = Math.max(highest, Math.max(e.getKey(), daemonFd));
        }
        int scratch = highest + 1;
        for (int i = 0; i < mappings.size(); i++) {
            check(Libc.addDup2(actions, mappings.get(i).getValue(), scratch + i), "adddup2 to scratch fd");
        }
        for (int i = 0; i < mappings.size(); i++) {
            int childFd = mappings.get(i).getKey();
            check(Libc.addDup2(actions, scratch + i, childFd), "adddup2 fd " + childFd);
        }
        int highestChildFd = spec.inheritedFds().isEmpty() ? 2 : spec.inheritedFds().lastKey();
        // Gaps between the chosen numbers (glibc ignores closing a fd that is not open) ...
        for (int fd = 3; fd < highestChildFd; fd++) {
            if (!spec.inheritedFds().containsKey(fd)) {
                check(Libc.addClose(actions, fd), "addclose " + fd);
            }
        }
        // ... and everything above them, the scratch fds included.
        check(Libc.addCloseFrom(actions, highestChildFd + 1), "addclosefrom");
    }

    private static void describeAttributes(Arena arena, MemorySegment attr, boolean newSession) throws IOException {
        MemorySegment none = arena.allocate(Libc.SIGSET_BYTES, 8);
        MemorySegment all = arena.allocate(Libc.SIGSET_BYTES, 8);
        check(Libc.sigemptyset(none), "sigemptyset");
        check(Libc.sigfillset(all), "sigfillset");
        check(Libc.attrSetSigmask(attr, none), "posix_spawnattr_setsigmask");
        check(Libc.attrSetSigdefault(attr, all), "posix_spawnattr_setsigdefault");
        short flags = (short) (Libc.POSIX_SPAWN_SETSIGMASK | Libc.POSIX_SPAWN_SETSIGDEF
                | (newSession ? Libc.POSIX_SPAWN_SETSID : 0));
        check(Libc.attrSetFlags(attr, flags), "posix_spawnattr_setflags");
    }

    private static List<String> environmentStrings(Map<String, String> environment) {
        return environment.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList();
    }

    /** A NULL-terminated char*[] for argv/envp. */
    private static MemorySegment cStrings(Arena arena, List<String> strings) {
        MemorySegment array = arena.allocate(ADDRESS, strings.size() + 1L);
        for (int i = 0; i < strings.size(); i++) {
            array.setAtIndex(ADDRESS, i, arena.allocateFrom(strings.get(i)));
        }
        array.setAtIndex(ADDRESS, strings.size(), MemorySegment.NULL);
        return array;
    }

    private static void check(int error, String what) throws IOException {
        if (error != 0) {
            throw new IOException(what + " failed: " + Libc.strerror(error));
        }
    }
}
