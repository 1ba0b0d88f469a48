package dev.vireo.daemon.lifecycle;

import dev.vireo.daemon.rpc.ByteStream;
import dev.vireo.process.TtyChannel;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * One client attached to one character device of a guest: the device's output goes to the client,
 * the client's input to the device. It ends when the client ends it or hangs up, when the guest's
 * end closes (QEMU stopped), or when another session forces it off. The host end is closed once
 * both directions have stopped (a descriptor closed under a thread still using it could be reused).
 */
public final class ConsoleSession implements ByteStream {
    /** How long a read waits before looking whether the session has ended. */
    private static final int POLL_MILLIS = 200;
    /** How long the device may refuse input before the session gives up on it. */
    private static final int WRITE_TIMEOUT_MILLIS = 30_000;
    private static final int BUFFER_BYTES = 16 << 10;

    /** The host end of the device. */
    sealed interface Target extends AutoCloseable {
        /** The count read, 0 when nothing came within the poll time, -1 when the device's end has closed. */
        int read(byte[] buf, int timeoutMillis) throws IOException;

        /** False when the device did not take the bytes. */
        boolean write(byte[] bytes) throws IOException;

        @Override
        void close();
    }

    record PtyTarget(TtyChannel tty) implements Target {
        public int read(byte[] buf, int timeoutMillis) throws IOException {
            return tty.read(buf, 0, buf.length, timeoutMillis);
        }

        public boolean write(byte[] bytes) throws IOException {
            return tty.write(bytes, 0, bytes.length, WRITE_TIMEOUT_MILLIS);
        }

        public void close() {
            tty.close();
        }
    }

    /** A Unix socket QEMU listens on; closing it wakes a blocked read. */
    record SocketTarget(SocketChannel socket) implements Target {
        public int read(byte[] buf, int timeoutMillis) throws IOException {
            return socket.read(ByteBuffer.wrap(buf));
        }

        public boolean write(byte[] bytes) throws IOException {
            ByteBuffer b = ByteBuffer.wrap(bytes);
            while (b.hasRemaining()) socket.write(b);
            return true;
        }

        public void close() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }

    private final String name;
    private final Target target;
    private final Consumer<ConsoleSession> onEnd;
    /** The two directions still running; the target is closed when none is. */
    private final AtomicInteger running = new AtomicInteger(2);
    private volatile String endReason;

    ConsoleSession(String name, Target target, Consumer<ConsoleSession> onEnd) {
        this.name = name;
        this.target = target;
        this.onEnd = onEnd;
    }

    boolean ended() {
        return endReason != null;
    }

    /** Another session forced this one off: it ends with this reason. */
    void takenOver(String reason) {
        end(reason);
    }

    private void end(String reason) {
        synchronized (this) {
            if (endReason == null) endReason = reason;
        }
        // a socket's read blocks: closing the socket wakes it (Java's sockets allow that; a pty's read polls)
        if (target instanceof SocketTarget) target.close();
    }

    /**
     * Copies the device's output to the client on a platform thread of its own (a pty is read with
     * poll(2), which would hold a virtual thread's carrier) and waits for it.
     */
    @Override
    public String pump(Output out) throws IOException {
        IOException[] failed = new IOException[1];
        Thread copier = Thread.ofPlatform().daemon().name("console " + name).start(() -> {
            try {
                copyOut(out);
            } catch (IOException e) {
                failed[0] = e;
            }
        });
        try {
            copier.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            end("");
        }
        if (failed[0] != null) throw failed[0];
        return endReason;
    }

    private void copyOut(Output out) throws IOException {
        byte[] buf = new byte[BUFFER_BYTES];
        try {
            while (endReason == null) {
                int n;
                try {
                    n = target.read(buf, POLL_MILLIS);
                } catch (IOException closed) {
                    n = -1;
                }
                if (n < 0) {
                    end(""); // the guest's end closed: QEMU stopped
                    break;
                }
                if (n > 0) out.send(buf, 0, n);
            }
        } finally {
            end("");
            stopped();
        }
    }

    @Override
    public void received(byte[] bytes) throws IOException {
        if (endReason != null) return;
        boolean taken;
        try {
            taken = target.write(bytes);
        } catch (IOException closed) {
            taken = false;
        }
        if (!taken) end("character device " + name + " did not take input for " + WRITE_TIMEOUT_MILLIS / 1000 + " s");
    }

    @Override
    public void clientEnded() {
        end("");
        stopped();
    }

    @Override
    public void abandon() {
        end("");
        stopped();
        stopped();
    }

    private void stopped() {
        if (running.decrementAndGet() == 0) {
            target.close();
            onEnd.accept(this);
        }
    }
}
