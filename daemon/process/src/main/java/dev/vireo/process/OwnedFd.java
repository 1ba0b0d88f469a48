package dev.vireo.process;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A file descriptor that the daemon opened with libc {@code open()} and owns until {@link #close()}.
 *
 * <p>Why not {@code FileChannel} or {@code RandomAccessFile}: the number behind a
 * {@code java.io.FileDescriptor} is only reachable through reflection into {@code java.base},
 * and we need that number twice: to map it onto a fixed fd in QEMU ({@code -add-fd fd=N}) and to
 * send it over QMP with SCM_RIGHTS. Opening through libc gives us the number, exact
 * open flags (QEMU's fd sets care about O_RDONLY vs O_RDWR), and O_CLOEXEC, so that a fd meant
 * for one QEMU never leaks into another child the daemon starts at the same time.
 *
 * <p>Thread-safe; closing twice is harmless; {@link #fd()} after close fails.
 */
public final class OwnedFd implements AutoCloseable {
    private final int fd;
    private final String description;
    private boolean closed;

    private OwnedFd(int fd, String description) {
        this.fd = fd;
        this.description = description;
    }

    /**
     * Opens {@code path} close-on-exec.
     *
     * @throws IOException naming the path, the mode and the system's reason, e.g.
     *                     "cannot open /x.qcow2 read-write: Permission denied"
     */
    public static OwnedFd open(Path path, OpenMode mode) throws IOException {
        Libc.Result r = Libc.open(path.toString(), mode.flags | Libc.O_CLOEXEC | Libc.O_NOCTTY, 0600);
        if (r.failed()) {
            throw new IOException("cannot open " + path + " " + describe(mode) + ": " + Libc.strerror(r.errno()));
        }
        return new OwnedFd(r.value(), path + " (" + describe(mode) + ")");
    }

    /** The descriptor number in this process; valid until {@link #close()}. */
    public synchronized int fd() {
        if (closed) {
            throw new IllegalStateException("fd of " + description + " is already closed");
        }
        return fd;
    }

    public synchronized boolean isClosed() {
        return closed;
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            Libc.close(fd);
        }
    }

    @Override
    public String toString() {
        return "fd " + fd + " of " + description;
    }

    private static String describe(OpenMode mode) {
        return switch (mode) {
            case READ_ONLY -> "read-only";
            case READ_WRITE -> "read-write";
            case APPEND_CREATE -> "for appending";
        };
    }
}
