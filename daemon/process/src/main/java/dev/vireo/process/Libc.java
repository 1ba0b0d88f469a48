package dev.vireo.process;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

/**
 * The few glibc calls this package needs, bound once through {@code java.lang.foreign}
 * (Linux x86_64 / glibc ABI: constants and opaque struct sizes below are that platform's).
 * Calls that report failures through {@code errno} capture it so that no other native call on
 * the same thread can overwrite it before we read it.
 */
final class Libc {
    static final int O_RDONLY = 0;
    static final int O_WRONLY = 1;
    static final int O_RDWR = 2;
    static final int O_CREAT = 0100;
    static final int O_NOCTTY = 0400;
    static final int O_APPEND = 02000;
    static final int O_NONBLOCK = 04000;
    static final int O_CLOEXEC = 02000000;
    static final int F_GETFL = 3;
    static final int F_SETFL = 4;

    static final short POSIX_SPAWN_SETSIGDEF = 0x04;
    static final short POSIX_SPAWN_SETSIGMASK = 0x08;
    static final short POSIX_SPAWN_SETSID = 0x80;

    static final int EINTR = 4;
    static final int ESRCH = 3;
    static final int EAGAIN = 11;
    static final short POLLIN = 0x1;
    static final short POLLOUT = 0x4;
    static final short POLLERR = 0x8;
    static final short POLLHUP = 0x10;
    static final int P_PID = 1;
    static final int WEXITED = 4;
    static final int WNOWAIT = 0x01000000;
    /** glibc's siginfo_t. */
    static final long SIGINFO_BYTES = 128;

    /** glibc's posix_spawn_file_actions_t is 80 bytes and posix_spawnattr_t 336; leave room. */
    static final long SPAWN_STRUCT_BYTES = 512;
    /** glibc's sigset_t: 1024 bits. */
    static final long SIGSET_BYTES = 128;
    /** struct pollfd { int fd; short events; short revents; }. */
    static final StructLayout POLLFD = MemoryLayout.structLayout(
            JAVA_INT.withName("fd"), JAVA_SHORT.withName("events"), JAVA_SHORT.withName("revents"));

    private static final Linker LINKER = Linker.nativeLinker();
    private static final StructLayout CALL_STATE = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO =
            CALL_STATE.varHandle(MemoryLayout.PathElement.groupElement("errno"));
    private static final Linker.Option CAPTURE_ERRNO = Linker.Option.captureCallState("errno");

    private static final MethodHandle OPEN = bind("open",
            FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT),
            CAPTURE_ERRNO, Linker.Option.firstVariadicArg(2));
    private static final MethodHandle CLOSE = bind("close", FunctionDescriptor.of(JAVA_INT, JAVA_INT));
    /** fcntl(fd, cmd, int arg): F_GETFL ignores the argument. */
    private static final MethodHandle FCNTL = bind("fcntl",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT),
            CAPTURE_ERRNO, Linker.Option.firstVariadicArg(2));
    private static final MethodHandle STRERROR = bind("strerror", FunctionDescriptor.of(ADDRESS, JAVA_INT));

    private static final MethodHandle FA_INIT = bind("posix_spawn_file_actions_init",
            FunctionDescriptor.of(JAVA_INT, ADDRESS));
    private static final MethodHandle FA_DESTROY = bind("posix_spawn_file_actions_destroy",
            FunctionDescriptor.of(JAVA_INT, ADDRESS));
    private static final MethodHandle FA_ADDDUP2 = bind("posix_spawn_file_actions_adddup2",
            FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT));
    private static final MethodHandle FA_ADDOPEN = bind("posix_spawn_file_actions_addopen",
            FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT));
    private static final MethodHandle FA_ADDCLOSE = bind("posix_spawn_file_actions_addclose",
            FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT));
    private static final MethodHandle FA_ADDCLOSEFROM = bind("posix_spawn_file_actions_addclosefrom_np",
            FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT));
    private static final MethodHandle ATTR_INIT = bind("posix_spawnattr_init",
            FunctionDescriptor.of(JAVA_INT, ADDRESS));
    private static final MethodHandle ATTR_DESTROY = bind("posix_spawnattr_destroy",
            FunctionDescriptor.of(JAVA_INT, ADDRESS));
    private static final MethodHandle ATTR_SETFLAGS = bind("posix_spawnattr_setflags",
            FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_SHORT));
    private static final MethodHandle ATTR_SETSIGMASK = bind("posix_spawnattr_setsigmask",
            FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS));
    private static final MethodHandle ATTR_SETSIGDEFAULT = bind("posix_spawnattr_setsigdefault",
            FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS));
    private static final MethodHandle SIGEMPTYSET = bind("sigemptyset", FunctionDescriptor.of(JAVA_INT, ADDRESS));
    private static final MethodHandle SIGFILLSET = bind("sigfillset", FunctionDescriptor.of(JAVA_INT, ADDRESS));
    private static final MethodHandle POSIX_SPAWNP = bind("posix_spawnp",
            FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS));

    private static final MethodHandle WAITPID = bind("waitpid",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT), CAPTURE_ERRNO);
    private static final MethodHandle WAITID = bind("waitid",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT), CAPTURE_ERRNO);
    private static final MethodHandle KILL = bind("kill",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT), CAPTURE_ERRNO);
    private static final MethodHandle PIDFD_OPEN = bind("pidfd_open",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT), CAPTURE_ERRNO);
    private static final MethodHandle PIDFD_SEND_SIGNAL = bind("pidfd_send_signal",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT), CAPTURE_ERRNO);
    private static final MethodHandle POLL = bind("poll",
            FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_LONG, JAVA_INT), CAPTURE_ERRNO);

    private static final MethodHandle SCHED_SETAFFINITY = bind("sched_setaffinity",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_LONG, ADDRESS), CAPTURE_ERRNO);

    private static final MethodHandle READ = bind("read",
            FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG), CAPTURE_ERRNO);
    private static final MethodHandle WRITE = bind("write",
            FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG), CAPTURE_ERRNO);

    private Libc() {
    }

    private static MethodHandle bind(String name, FunctionDescriptor descriptor, Linker.Option... options) {
        MemorySegment symbol = LINKER.defaultLookup().find(name)
                .orElseThrow(() -> new UnsatisfiedLinkError("libc has no " + name + " (glibc >= 2.36 needed)"));
        return LINKER.downcallHandle(symbol, descriptor, options);
    }

    /** Result of a call that sets errno: the return value, and errno when it is -1. */
    record Result(int value, int errno) {
        boolean failed() {
            return value == -1;
        }
    }

    private static Result withErrno(MemorySegment state, int value) {
        return new Result(value, value == -1 ? (int) ERRNO.get(state, 0L) : 0);
    }

    static Result open(String path, int flags, int mode) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(CALL_STATE);
            return withErrno(state, (int) OPEN.invokeExact(state, arena.allocateFrom(path), flags, mode));
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    static Result fcntl(int fd, int command, int argument) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(CALL_STATE);
            return withErrno(state, (int) FCNTL.invokeExact(state, fd, command, argument));
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    static void close(int fd) {
        try {
            int ignored = (int) CLOSE.invokeExact(fd);
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    static String strerror(int errno) {
        try {
            MemorySegment text = (MemorySegment) STRERROR.invokeExact(errno);
            return text.reinterpret(Integer.MAX_VALUE).getString(0);
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    static int fileActionsInit(MemorySegment actions) {
        return call(FA_INIT, actions);
    }

    static int fileActionsDestroy(MemorySegment actions) {
        return call(FA_DESTROY, actions);
    }

    static int addDup2(MemorySegment actions, int fd, int newFd) {
        try {
            return (int) FA_ADDDUP2.invokeExact(actions, fd, newFd);
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    static int addOpen(MemorySegment actions, int fd, MemorySegment path, int flags, int mode) {
        try {
            return (int) FA_ADDOPEN.invokeExact(actions, fd, path, flags, mode);
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    static int addClose(MemorySegment actions, int fd) {
        try {
            return (int) FA_ADDCLOSE.invokeExact(actions, fd);
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    static int addCloseFrom(MemorySegment actions, int from) {
        try {
            return (int) FA_ADDCLOSEFROM.invokeExact(actions, from);
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    static int attrInit(MemorySegment attr) {
        return call(ATTR_INIT, attr);
    }

    static int attrDestroy(MemorySegment attr) {
        return call(ATTR_DESTROY, attr);
    }

    static int attrSetFlags(MemorySegment attr, short flags) {
        try {
            return (int) ATTR_SETFLAGS.invokeExact(attr, flags);
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    static int attrSetSigmask(MemorySegment attr, MemorySegment sigset) {
        return call(ATTR_SETSIGMASK, attr, sigset);
    }

    static int attrSetSigdefault(MemorySegment attr, MemorySegment sigset) {
        return call(ATTR_SETSIGDEFAULT, attr, sigset);
    }

    static int sigemptyset(MemorySegment sigset) {
        return call(SIGEMPTYSET, sigset);
    }

    static int sigfillset(MemorySegment sigset) {
        return call(SIGFILLSET, sigset);
    }

    /** posix_spawnp: returns 0 or an error number (it does not use errno). */
    static int posixSpawnp(MemorySegment pid, MemorySegment file, MemorySegment actions, MemorySegment attr,
                           MemorySegment argv, MemorySegment envp) {
        try {
            return (int) POSIX_SPAWNP.invokeExact(pid, file, actions, attr, argv, envp);
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    /** Blocks until the child exits; {@code status} receives the wait status. */
    static Result waitpid(int pid, MemorySegment status, int options) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(CALL_STATE);
            return withErrno(state, (int) WAITPID.invokeExact(state, pid, status, options));
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    /** Blocks until child {@code pid} has exited, leaving it unreaped (WNOWAIT). */
    static Result waitExitedNoReap(int pid) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(CALL_STATE);
            MemorySegment info = arena.allocate(SIGINFO_BYTES);
            return withErrno(state, (int) WAITID.invokeExact(state, P_PID, pid, info, WEXITED | WNOWAIT));
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    static Result kill(int pid, int signal) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(CALL_STATE);
            return withErrno(state, (int) KILL.invokeExact(state, pid, signal));
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    /** sched_setaffinity(tid, size, mask): {@code mask} is a cpu_set_t of {@code size} bytes. */
    static Result schedSetaffinity(int tid, MemorySegment mask) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(CALL_STATE);
            return withErrno(state, (int) SCHED_SETAFFINITY.invokeExact(state, tid, mask.byteSize(), mask));
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    static Result pidfdOpen(int pid) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(CALL_STATE);
            return withErrno(state, (int) PIDFD_OPEN.invokeExact(state, pid, 0));
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    static Result pidfdSendSignal(int pidfd, int signal) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(CALL_STATE);
            return withErrno(state,
                    (int) PIDFD_SEND_SIGNAL.invokeExact(state, pidfd, signal, MemorySegment.NULL, 0));
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    /** Blocks until {@code fd} is readable (for a pidfd: the process has exited). */
    static Result pollReadable(int fd) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(CALL_STATE);
            MemorySegment pollfd = arena.allocate(POLLFD);
            pollfd.set(JAVA_INT, 0, fd);
            pollfd.set(JAVA_SHORT, 4, POLLIN);
            return withErrno(state, (int) POLL.invokeExact(state, pollfd, 1L, -1));
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    /**
     * Waits up to {@code timeoutMillis} for {@code events} on {@code fd}.
     *
     * @return the revents (0 on timeout), or -1 with errno
     */
    static Result poll(int fd, short events, int timeoutMillis) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(CALL_STATE);
            MemorySegment pollfd = arena.allocate(POLLFD);
            pollfd.set(JAVA_INT, 0, fd);
            pollfd.set(JAVA_SHORT, 4, events);
            Result r = withErrno(state, (int) POLL.invokeExact(state, pollfd, 1L, timeoutMillis));
            return r.failed() || r.value() == 0 ? r : new Result(pollfd.get(JAVA_SHORT, 6), 0);
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    /** read(2) into {@code buf[off, off+len)}: the count, 0 at end of file, or -1 with errno. */
    static Result read(int fd, byte[] buf, int off, int len) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(CALL_STATE);
            MemorySegment native_ = arena.allocate(Math.max(1, len));
            long n = (long) READ.invokeExact(state, fd, native_, (long) len);
            if (n > 0) MemorySegment.copy(native_, JAVA_BYTE, 0, buf, off, (int) n);
            return withErrno(state, (int) n);
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    /** write(2) of {@code buf[off, off+len)}: the count written, or -1 with errno. */
    static Result write(int fd, byte[] buf, int off, int len) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(CALL_STATE);
            MemorySegment native_ = arena.allocate(Math.max(1, len));
            MemorySegment.copy(buf, off, native_, JAVA_BYTE, 0, len);
            return withErrno(state, (int) (long) WRITE.invokeExact(state, fd, native_, (long) len));
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    private static int call(MethodHandle handle, MemorySegment a) {
        try {
            return (int) handle.invokeExact(a);
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    private static int call(MethodHandle handle, MemorySegment a, MemorySegment b) {
        try {
            return (int) handle.invokeExact(a, b);
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    private static IllegalStateException unexpected(Throwable t) {
        if (t instanceof RuntimeException r) {
            throw r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        return new IllegalStateException("native call failed", t);
    }
}
