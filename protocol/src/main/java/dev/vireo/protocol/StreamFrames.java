package dev.vireo.protocol;

import java.io.EOFException;
import java.io.IOException;
import java.net.ProtocolException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The RPC's stream mode. An operation that opens a stream (today {@code console}) is answered with
 * its ordinary reply line; from then on the connection carries frames, not lines, in both directions,
 * and no further request: the stream ends with an {@link End} frame from either side, or when either
 * side closes the connection.
 *
 * <p>A frame is one byte of kind, the payload's length as a 4-byte big-endian integer, then the payload:
 * <ul>
 *   <li>{@code 'd'} data: 1 to {@value #MAX_DATA_BYTES} bytes of the stream;</li>
 *   <li>{@code 'e'} end: at most {@value #MAX_REASON_BYTES} bytes of UTF-8, empty for a normal end,
 *       else why the stream failed (the console was taken over, ...).</li>
 * </ul>
 * Anything else (another kind, a longer payload) is a protocol error: the reader throws and the
 * connection is closed. So every frame a peer holds is bounded.
 */
public final class StreamFrames {
    public static final int MAX_DATA_BYTES = 64 << 10;
    public static final int MAX_REASON_BYTES = 4096;
    private static final byte DATA = 'd';
    private static final byte END = 'e';
    private static final int HEADER_BYTES = 5;

    /** What a frame carries. */
    public sealed interface Frame {
    }

    /** Bytes of the stream. */
    public record Data(byte[] bytes) implements Frame {
    }

    /** The end of the stream; {@code reason} is empty for a normal end. */
    public record End(String reason) implements Frame {
        public boolean failed() {
            return !reason.isEmpty();
        }
    }

    /** Where frames are read from: a socket, after the bytes its line reader already holds. */
    @FunctionalInterface
    public interface Source {
        /** Like {@link java.nio.channels.ReadableByteChannel#read}: the count read, -1 at end of stream. */
        int read(ByteBuffer into) throws IOException;
    }

    /** Where frames are written to; one call writes one whole frame. */
    @FunctionalInterface
    public interface Sink {
        void write(ByteBuffer frame) throws IOException;
    }

    private StreamFrames() {
    }

    /**
     * Reads one frame.
     *
     * @return the frame, or null when the stream closed cleanly before a frame began
     * @throws ProtocolException on a malformed frame; EOFException when it closed inside one
     */
    public static Frame read(Source in) throws IOException {
        ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES);
        if (!fill(in, header, true)) return null;
        byte kind = header.get(0);
        int length = header.getInt(1);
        int max = kind == DATA ? MAX_DATA_BYTES : kind == END ? MAX_REASON_BYTES : -1;
        if (max < 0) throw new ProtocolException("stream frame of unknown kind " + (kind & 0xff));
        if (length < (kind == DATA ? 1 : 0) || length > max) {
            throw new ProtocolException("stream frame of " + length + " bytes (a " + (kind == DATA ? "data" : "end")
                    + " frame carries " + (kind == DATA ? "1" : "0") + " to " + max + ")");
        }
        ByteBuffer payload = ByteBuffer.allocate(length);
        fill(in, payload, false);
        return kind == DATA ? new Data(payload.array()) : new End(new String(payload.array(), StandardCharsets.UTF_8));
    }

    /** Writes {@code bytes[off, off+len)} as data frames of at most {@value #MAX_DATA_BYTES} bytes. */
    public static void writeData(Sink out, byte[] bytes, int off, int len) throws IOException {
        while (len > 0) {
            int n = Math.min(len, MAX_DATA_BYTES);
            out.write(frame(DATA, bytes, off, n));
            off += n;
            len -= n;
        }
    }

    /** Writes the end frame; a reason longer than {@value #MAX_REASON_BYTES} bytes is cut. */
    public static void writeEnd(Sink out, String reason) throws IOException {
        byte[] text = reason.getBytes(StandardCharsets.UTF_8);
        int n = Math.min(text.length, MAX_REASON_BYTES);
        while (n > 0 && n < text.length && (text[n] & 0xc0) == 0x80) n--; // not inside a character
        out.write(frame(END, text, 0, n));
    }

    private static ByteBuffer frame(byte kind, byte[] bytes, int off, int len) {
        ByteBuffer frame = ByteBuffer.allocate(HEADER_BYTES + len);
        frame.put(kind).putInt(len).put(bytes, off, len);
        return frame.flip();
    }

    /** Fills {@code buf}; false when the stream ended before its first byte and that is allowed. */
    private static boolean fill(Source in, ByteBuffer buf, boolean endAllowed) throws IOException {
        while (buf.hasRemaining()) {
            if (in.read(buf) < 0) {
                if (endAllowed && buf.position() == 0) return false;
                throw new EOFException("connection closed inside a stream frame");
            }
        }
        return true;
    }
}
