package dev.vireo.protocol;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.net.ProtocolException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Newline-framed messages over a blocking socket channel: the RPC's wire format.
 *
 * <p>Reads and writes go straight to the channel (which has separate read and write locks), so one
 * thread can block reading while another writes, e.g. the daemon pushing events to a client whose
 * connection it is also watching for EOF.
 *
 * <p>Every byte held is bounded: a message longer than the cap is skipped up to its newline and
 * refused with {@link MessageRefused} (the stream stays in step, so the sender can be told why), and
 * the buffer grows past {@value #FREE_BYTES} bytes only with bytes granted by a {@link Budget}
 * shared by every connection, shrinking back once the large message has been read.
 */
public final class LineChannel implements Closeable {
    /** Large enough for a domain XML or a monitor reply with room to spare. */
    public static final int MAX_MESSAGE_BYTES = 16 << 20;
    /** What a connection may buffer without asking the budget: everyday messages are smaller. */
    public static final int FREE_BYTES = 64 << 10;
    private static final int INITIAL_BYTES = 8192;

    /** Bytes that connections may buffer together beyond {@link #FREE_BYTES} each. */
    public interface Budget {
        /** Takes {@code bytes} from the budget, or returns false (and takes nothing) when it has not that much left. */
        boolean reserve(long bytes);

        void release(long bytes);

        Budget UNLIMITED = new Budget() {
            @Override
            public boolean reserve(long bytes) {
                return true;
            }

            @Override
            public void release(long bytes) {
            }
        };
    }

    /** A message that was skipped, not read: too long, or no buffer to hold it. The next message reads normally. */
    public static final class MessageRefused extends ProtocolException {
        private final boolean overBudget;

        MessageRefused(String message, boolean overBudget) {
            super(message);
            this.overBudget = overBudget;
        }

        /** True when the message was within the cap but the shared budget had no room for it now. */
        public boolean overBudget() {
            return overBudget;
        }
    }

    private final SocketChannel channel;
    private final int maxMessageBytes;
    private final Budget budget;
    private final ReentrantLock writeLock = new ReentrantLock();
    private byte[] buf = new byte[INITIAL_BYTES];
    /** Bytes taken from the budget (guarded by this). */
    private long reserved;
    private boolean closed;
    private int start;
    private int end;
    private int scanned;
    /** When the unfinished message now in the buffer began to arrive (System.nanoTime), 0 when none. */
    private volatile long partialSince;
    /** When the write now in progress began, 0 when none. */
    private volatile long writingSince;

    public LineChannel(SocketChannel channel) {
        this(channel, MAX_MESSAGE_BYTES, Budget.UNLIMITED);
    }

    public LineChannel(SocketChannel channel, int maxMessageBytes, Budget budget) {
        if (maxMessageBytes < 1) throw new IllegalArgumentException("maxMessageBytes must be positive");
        this.channel = channel;
        this.maxMessageBytes = maxMessageBytes;
        this.budget = budget;
    }

    public SocketChannel channel() {
        return channel;
    }

    public int maxMessageBytes() {
        return maxMessageBytes;
    }

    /**
     * The next message without its newline, or null at a clean end of stream.
     *
     * @throws MessageRefused when the message was skipped (the channel stays usable)
     */
    public String readLine() throws IOException {
        for (;;) {
            for (int i = scanned; i < end; i++) {
                if (buf[i] == '\n') {
                    String line = new String(buf, start, i - start, StandardCharsets.UTF_8);
                    start = i + 1;
                    scanned = start;
                    if (start == end) shrink();
                    partialSince = end > start ? System.nanoTime() : 0;
                    return line;
                }
            }
            scanned = end;
            if (end - start > maxMessageBytes) {
                skipRest();
                throw new MessageRefused("message longer than " + maxMessageBytes + " bytes", false);
            }
            if (!makeRoom()) {
                int held = end - start;
                skipRest();
                throw new MessageRefused("no room to buffer a message of more than " + held
                        + " bytes now: other connections hold the buffer space", true);
            }
            int n = channel.read(ByteBuffer.wrap(buf, end, buf.length - end));
            if (n < 0) {
                partialSince = 0;
                if (end > start) throw new EOFException("connection closed in the middle of a message");
                return null;
            }
            if (n > 0 && partialSince == 0) partialSince = System.nanoTime();
            end += n;
        }
    }

    /** When the unfinished message in the buffer began to arrive (System.nanoTime), or 0 when there is none. */
    public long partialSince() {
        return partialSince;
    }

    /** When the write in progress began (System.nanoTime), or 0 when none is. */
    public long writingSince() {
        return writingSince;
    }

    public void writeLine(String message) throws IOException {
        writeLock.lock();
        try {
            write(message);
        } finally {
            writeLock.unlock();
        }
    }

    /** Writes unless another write is in progress (which may be stuck on a client that does not read). */
    public boolean tryWriteLine(String message) throws IOException {
        if (!writeLock.tryLock()) return false;
        try {
            write(message);
            return true;
        } finally {
            writeLock.unlock();
        }
    }

    private void write(String message) throws IOException {
        ByteBuffer out = ByteBuffer.wrap((message + "\n").getBytes(StandardCharsets.UTF_8));
        writingSince = System.nanoTime();
        try {
            while (out.hasRemaining()) channel.write(out);
        } finally {
            writingSince = 0;
        }
    }

    /**
     * Raw bytes for the stream mode ({@link StreamFrames}): those already read past the last line
     * first, then from the socket. Not to be mixed with {@link #readLine} afterwards.
     */
    public int readRaw(ByteBuffer into) throws IOException {
        if (end > start) {
            int n = Math.min(into.remaining(), end - start);
            into.put(buf, start, n);
            start += n;
            scanned = Math.max(scanned, start);
            if (start == end) shrink();
            return n;
        }
        return channel.read(into);
    }

    /** Writes raw bytes (one stream frame) whole, under the same lock and stuck-write watch as lines. */
    public void writeRaw(ByteBuffer out) throws IOException {
        writeLock.lock();
        try {
            writingSince = System.nanoTime();
            try {
                while (out.hasRemaining()) channel.write(out);
            } finally {
                writingSince = 0;
            }
        } finally {
            writeLock.unlock();
        }
    }

    /** Moves the unread bytes to the front and grows the buffer when full; false when the budget refuses. */
    private boolean makeRoom() {
        if (start > 0) {
            System.arraycopy(buf, start, buf, 0, end - start);
            end -= start;
            scanned -= start;
            start = 0;
        }
        if (end < buf.length) return true;
        int grown = (int) Math.min((long) buf.length * 2, (long) maxMessageBytes + 1);
        synchronized (this) {
            long charged = Math.max(0, grown - FREE_BYTES) - reserved;
            if (charged > 0 && (closed || !budget.reserve(charged))) return false;
            reserved += Math.max(0, charged);
        }
        buf = Arrays.copyOf(buf, grown);
        return true;
    }

    /** Drops the message being read, up to and including its newline; what follows it stays. */
    private void skipRest() throws IOException {
        start = end = scanned = 0;
        shrink();
        for (;;) {
            int n = channel.read(ByteBuffer.wrap(buf));
            if (n < 0) {
                partialSince = 0;
                throw new EOFException("connection closed in the middle of a message");
            }
            for (int i = 0; i < n; i++) {
                if (buf[i] == '\n') {
                    start = scanned = i + 1;
                    end = n;
                    partialSince = end > start ? System.nanoTime() : 0;
                    return;
                }
            }
        }
    }

    /** Back to the initial buffer once it is empty, returning what was reserved. */
    private void shrink() {
        if (buf.length == INITIAL_BYTES) return;
        buf = new byte[INITIAL_BYTES];
        start = end = scanned = 0;
        synchronized (this) {
            budget.release(reserved);
            reserved = 0;
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
        // a reader may still be in readLine: the reservation goes back once, here or in shrink,
        // and nothing more is reserved after this
        synchronized (this) {
            closed = true;
            budget.release(reserved);
            reserved = 0;
        }
    }
}
