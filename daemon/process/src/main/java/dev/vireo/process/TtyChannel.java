package dev.vireo.process;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A terminal (a guest's pty) opened for reading and writing without ever becoming the daemon's
 * controlling terminal ({@code O_NOCTTY}: a daemon that is a session leader, as under systemd, would
 * otherwise take it, and be sent SIGHUP when QEMU closes the pty's other end).
 *
 * <p>Non-blocking underneath; reads wait in poll(2) for a bounded time (call them on a platform
 * thread: a native call holds a virtual thread's carrier), so the thread of a console session that
 * is being ended is never stuck in the kernel.
 */
public final class TtyChannel implements AutoCloseable {
    private final OwnedFd fd;

    private TtyChannel(OwnedFd fd) {
        this.fd = fd;
    }

    /** Opens a terminal device read-write. */
    public static TtyChannel open(Path tty) throws IOException {
        Libc.Result r = Libc.open(tty.toString(), Libc.O_RDWR | Libc.O_NOCTTY | Libc.O_NONBLOCK | Libc.O_CLOEXEC, 0);
        if (r.failed()) throw new IOException("cannot open " + tty + ": " + Libc.strerror(r.errno()));
        return new TtyChannel(OwnedFd.adopt(r.value(), tty.toString()));
    }

    /**
     * Reads what is there, waiting up to {@code timeoutMillis} for something.
     *
     * @return the count read, 0 when nothing came in time, -1 when the other end has gone (QEMU
     *         closed the pty: the guest stopped)
     */
    public int read(byte[] buf, int off, int len, int timeoutMillis) throws IOException {
        Libc.Result polled = Libc.poll(fd(), Libc.POLLIN, timeoutMillis);
        if (polled.failed()) return polled.errno() == Libc.EINTR ? 0 : fail("poll", polled);
        if (polled.value() == 0) return 0;
        if ((polled.value() & Libc.POLLIN) == 0) return -1; // POLLHUP or POLLERR without data
        Libc.Result r = Libc.read(fd(), buf, off, len);
        if (r.failed()) {
            if (r.errno() == Libc.EAGAIN || r.errno() == Libc.EINTR) return 0;
            return -1; // EIO: the master side has closed
        }
        return r.value() == 0 ? -1 : r.value();
    }

    /**
     * Writes all of {@code buf[off, off+len)}, waiting up to {@code timeoutMillis} each time the
     * terminal takes nothing (the guest does not read). It waits by sleeping, not in poll(2), so a
     * virtual thread that writes does not hold its carrier meanwhile.
     *
     * @return false when the terminal took nothing for that long or its other end has gone
     */
    public boolean write(byte[] buf, int off, int len, int timeoutMillis) throws IOException {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
        while (len > 0) {
            Libc.Result r = Libc.write(fd(), buf, off, len);
            if (r.failed()) {
                if (r.errno() != Libc.EAGAIN && r.errno() != Libc.EINTR) return false;
                if (System.nanoTime() > deadline) return false;
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
                continue;
            }
            off += r.value();
            len -= r.value();
            deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
        }
        return true;
    }

    private int fd() throws IOException {
        if (fd.isClosed()) throw new IOException(fd + " is closed");
        return fd.fd();
    }

    private int fail(String call, Libc.Result r) throws IOException {
        throw new IOException(call + " on " + fd + ": " + Libc.strerror(r.errno()));
    }

    @Override
    public void close() {
        fd.close();
    }
}
