package dev.vireo.protocol;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.net.ProtocolException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Newline-framed messages over a blocking socket channel: the RPC's wire format.
 *
 * <p>Reads and writes go straight to the channel (which has separate read and write locks), so one
 * thread can block reading while another writes, e.g. the daemon pushing events to a client whose
 * connection it is also watching for EOF. A message longer than the cap is refused rather than
 * buffered without bound.
 */
public final class LineChannel implements Closeable {
    /** Large enough for a domain XML or a monitor reply with room to spare. */
    public static final int MAX_MESSAGE_BYTES = 16 << 20;

    private final SocketChannel channel;
    private final Object writeLock = new Object();
    private byte[] buf = new byte[8192];
    private int start;
    private int end;
    private int scanned;

    public LineChannel(SocketChannel channel) {
        this.channel = channel;
    }

    public SocketChannel channel() {
        return channel;
    }

    /** The next message without its newline, or null at a clean end of stream. */
    public String readLine() throws IOException {
        for (;;) {
            for (int i = scanned; i < end; i++) {
                if (buf[i] == '\n') {
                    String line = new String(buf, start, i - start, StandardCharsets.UTF_8);
                    start = i + 1;
                    scanned = start;
                    return line;
                }
            }
            scanned = end;
            if (end - start > MAX_MESSAGE_BYTES) {
                throw new ProtocolException("message longer than " + MAX_MESSAGE_BYTES + " bytes");
            }
            makeRoom();
            int n = channel.read(ByteBuffer.wrap(buf, end, buf.length - end));
            if (n < 0) {
                if (end > start) throw new EOFException("connection closed in the middle of a message");
                return null;
            }
            end += n;
        }
    }

    public void writeLine(String message) throws IOException {
        byte[] bytes = (message + "\n").getBytes(StandardCharsets.UTF_8);
        ByteBuffer out = ByteBuffer.wrap(bytes);
        synchronized (writeLock) {
            while (out.hasRemaining()) channel.write(out);
        }
    }

    private void makeRoom() {
        if (start > 0) {
            System.arraycopy(buf, start, buf, 0, end - start);
            end -= start;
            scanned -= start;
            start = 0;
        }
        if (end == buf.length) buf = Arrays.copyOf(buf, buf.length * 2);
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
