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

    /** Takes ownership of a descriptor this package opened itself. */
    static OwnedFd adopt(int fd, String description) {
        return new OwnedFd(fd, description);
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

    /**
     * Opens a disk image without ever blocking in open(2): with O_NONBLOCK, so that a FIFO (or a
     * device) swapped in for the image after the caller's stat cannot hold the open; then fstat
     * refuses anything but a regular file or a block device, and O_NONBLOCK is cleared again so
     * the descriptor behaves as an ordinary one (for these two kinds the flag never mattered).
     *
     * @throws NotAnImageFileException when the opened file is a FIFO, socket, character device or
     *                                 directory; nothing stays open then
     * @throws IOException             as {@link #open} when the open fails
     */
    public static OwnedFd openImage(Path path, OpenMode mode) throws IOException {
        if (mode == OpenMode.APPEND_CREATE) {
            throw new IllegalArgumentException("an image is opened read-only or read-write, not " + mode);
        }
        Libc.Result r = Libc.open(path.toString(), mode.flags | Libc.O_NONBLOCK | Libc.O_CLOEXEC | Libc.O_NOCTTY, 0);
        if (r.failed()) {
            throw new IOException("cannot open " + path + " " + describe(mode) + ": " + Libc.strerror(r.errno()));
        }
        OwnedFd fd = new OwnedFd(r.value(), path + " (" + describe(mode) + ")");
        try {
            FileKind kind = FileKind.of(fd);
            if (!kind.canHoldAnImage()) {
                throw new NotAnImageFileException(path, kind);
            }
            Libc.Result flags = Libc.fcntl(fd.fd(), Libc.F_GETFL, 0);
            Libc.Result cleared = flags.failed() ? flags
                    : Libc.fcntl(fd.fd(), Libc.F_SETFL, flags.value() & ~Libc.O_NONBLOCK);
            if (cleared.failed()) {
                throw new IOException("cannot clear O_NONBLOCK on " + path + ": " + Libc.strerror(cleared.errno()));
            }
            return fd;
        } catch (IOException | RuntimeException e) {
            fd.close();
            throw e;
        }
    }

    /** {@code /proc/self/fd/N}: opening or stat-ing it reaches the very file this fd has open. */
    public Path procPath() {
        return Path.of("/proc/self/fd/" + fd());
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
