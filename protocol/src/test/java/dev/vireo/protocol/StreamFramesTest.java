package dev.vireo.protocol;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.net.ProtocolException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The stream mode's frames: their bounds, and the switch from lines to frames on one real socket. */
class StreamFramesTest {

    /** Frames written to memory, read back from it. */
    private static final class Memory {
        final ByteArrayOutputStream written = new ByteArrayOutputStream();
        ByteBuffer readable;

        StreamFrames.Sink sink() {
            return frame -> {
                byte[] b = new byte[frame.remaining()];
                frame.get(b);
                written.writeBytes(b);
            };
        }

        StreamFrames.Source source() {
            if (readable == null) readable = ByteBuffer.wrap(written.toByteArray());
            return into -> {
                if (!readable.hasRemaining()) return -1;
                int n = Math.min(into.remaining(), readable.remaining());
                into.put(readable.array(), readable.position(), n);
                readable.position(readable.position() + n);
                return n;
            };
        }
    }

    @Test
    void dataLongerThanAFrameIsSplitAndComesBackWhole() throws Exception {
        Memory m = new Memory();
        byte[] data = new byte[StreamFrames.MAX_DATA_BYTES * 2 + 10];
        Arrays.fill(data, (byte) 7);
        StreamFrames.writeData(m.sink(), data, 0, data.length);
        StreamFrames.writeEnd(m.sink(), "");
        StreamFrames.Source in = m.source();
        int total = 0;
        StreamFrames.Frame f;
        while ((f = StreamFrames.read(in)) instanceof StreamFrames.Data d) {
            assertTrue(d.bytes().length <= StreamFrames.MAX_DATA_BYTES);
            total += d.bytes().length;
        }
        assertEquals(data.length, total);
        assertEquals(new StreamFrames.End(""), f);
        assertNull(StreamFrames.read(in), "a clean end after the last frame");
    }

    @Test
    void anEndCarriesItsReasonCutToTheBound() throws Exception {
        Memory m = new Memory();
        StreamFrames.writeEnd(m.sink(), "é".repeat(StreamFrames.MAX_REASON_BYTES));
        StreamFrames.End end = assertInstanceOf(StreamFrames.End.class, StreamFrames.read(m.source()));
        assertTrue(end.failed());
        assertTrue(end.reason().getBytes(StandardCharsets.UTF_8).length <= StreamFrames.MAX_REASON_BYTES);
        assertTrue(end.reason().chars().allMatch(c -> c == 'é'), "not cut inside a character");
    }

    @Test
    void anOversizedUnknownOrTruncatedFrameIsRefusedBeforeItsPayloadIsHeld() {
        assertThrows(ProtocolException.class, () -> StreamFrames.read(bytes(ByteBuffer.allocate(5).put((byte) 'd').putInt(StreamFrames.MAX_DATA_BYTES + 1))));
        assertThrows(ProtocolException.class, () -> StreamFrames.read(bytes(ByteBuffer.allocate(5).put((byte) 'e').putInt(Integer.MAX_VALUE))));
        assertThrows(ProtocolException.class, () -> StreamFrames.read(bytes(ByteBuffer.allocate(5).put((byte) 'd').putInt(0))));
        assertThrows(ProtocolException.class, () -> StreamFrames.read(bytes(ByteBuffer.allocate(5).put((byte) 'x').putInt(1))));
        assertThrows(EOFException.class, () -> StreamFrames.read(bytes(ByteBuffer.allocate(7).put((byte) 'd').putInt(5).put((byte) 1).put((byte) 2))));
        assertThrows(EOFException.class, () -> StreamFrames.read(bytes(ByteBuffer.allocate(2).put((byte) 'd'))));
    }

    private static StreamFrames.Source bytes(ByteBuffer written) {
        ByteBuffer b = written.flip();
        return into -> {
            if (!b.hasRemaining()) return -1;
            into.put(b.get());
            return 1;
        };
    }

    @Test
    void framesSentRightAfterAReplyLineAreReadFromTheLineBuffer() throws Exception {
        Path dir = Files.createTempDirectory("sf");
        UnixDomainSocketAddress address = UnixDomainSocketAddress.of(dir.resolve("s"));
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(address);
            try (LineChannel client = new LineChannel(SocketChannel.open(address));
                 LineChannel daemon = new LineChannel(server.accept())) {
                // the reply and the first frames in one write: the client's line reader takes them all at once
                ByteArrayOutputStream one = new ByteArrayOutputStream();
                one.writeBytes("{\"id\":1,\"result\":{}}\n".getBytes(StandardCharsets.UTF_8));
                Memory m = new Memory();
                StreamFrames.writeData(m.sink(), "hello".getBytes(StandardCharsets.UTF_8), 0, 5);
                StreamFrames.writeEnd(m.sink(), "bye");
                one.writeBytes(m.written.toByteArray());
                daemon.writeRaw(ByteBuffer.wrap(one.toByteArray()));
                assertEquals("{\"id\":1,\"result\":{}}", client.readLine());
                StreamFrames.Data data = assertInstanceOf(StreamFrames.Data.class, StreamFrames.read(client::readRaw));
                assertArrayEquals("hello".getBytes(StandardCharsets.UTF_8), data.bytes());
                assertEquals(new StreamFrames.End("bye"), StreamFrames.read(client::readRaw));
            }
        } finally {
            Files.deleteIfExists(dir.resolve("s"));
            Files.delete(dir);
        }
    }
}
