package dev.vireo.protocol;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ProtocolException;
import java.io.EOFException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Framing over a real Unix socket pair. */
class LineChannelTest {

    private static SocketChannel[] pair() throws IOException {
        Path dir = Files.createTempDirectory("lc");
        UnixDomainSocketAddress address = UnixDomainSocketAddress.of(dir.resolve("s"));
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(address);
            SocketChannel client = SocketChannel.open(address);
            SocketChannel accepted = server.accept();
            Files.delete(dir.resolve("s"));
            Files.delete(dir);
            return new SocketChannel[]{client, accepted};
        }
    }

    @Test
    void messagesArriveWholeWhateverTheirSize() throws Exception {
        SocketChannel[] p = pair();
        try (LineChannel a = new LineChannel(p[0]); LineChannel b = new LineChannel(p[1])) {
            String big = "x".repeat(3 << 20);
            Thread writer = Thread.ofVirtual().start(() -> {
                try {
                    a.writeLine("{\"one\":1}");
                    a.writeLine(big);
                    a.writeLine("é");
                } catch (IOException e) {
                    throw new RuntimeException(e);
                }
            });
            assertEquals("{\"one\":1}", b.readLine());
            assertEquals(big, b.readLine());
            assertEquals("é", b.readLine());
            writer.join();
            a.close();
            assertNull(b.readLine(), "a clean end of stream");
        }
    }

    @Test
    void anEndInTheMiddleOfAMessageIsAnError() throws Exception {
        SocketChannel[] p = pair();
        try (LineChannel b = new LineChannel(p[1])) {
            p[0].write(ByteBuffer.wrap("{\"half\":".getBytes(StandardCharsets.UTF_8)));
            p[0].close();
            assertThrows(EOFException.class, b::readLine);
        }
    }

    @Test
    void aMessageOverTheCapIsSkippedAndTheNextOneReads() throws Exception {
        SocketChannel[] p = pair();
        try (LineChannel b = new LineChannel(p[1], 1 << 20, LineChannel.Budget.UNLIMITED)) {
            Thread writer = Thread.ofVirtual().start(() -> {
                try {
                    ByteBuffer chunk = ByteBuffer.allocate(1 << 20);
                    for (int i = 0; i < 3; i++) {
                        chunk.clear();
                        while (chunk.hasRemaining()) p[0].write(chunk);
                    }
                    ByteBuffer next = ByteBuffer.wrap("\n{\"next\":1}\n".getBytes(StandardCharsets.UTF_8));
                    while (next.hasRemaining()) p[0].write(next);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            LineChannel.MessageRefused refused = assertThrows(LineChannel.MessageRefused.class, b::readLine);
            assertEquals("message longer than 1048576 bytes", refused.getMessage());
            assertEquals("{\"next\":1}", b.readLine(), "the stream stays in step");
            writer.join();
        }
    }

    @Test
    void aLargeMessageNeedsRoomInTheSharedBudget() throws Exception {
        SocketChannel[] p = pair();
        long[] budget = {256 << 10};
        LineChannel.Budget shared = new LineChannel.Budget() {
            @Override
            public synchronized boolean reserve(long bytes) {
                if (bytes > budget[0]) return false;
                budget[0] -= bytes;
                return true;
            }

            @Override
            public synchronized void release(long bytes) {
                budget[0] += bytes;
            }
        };
        try (LineChannel b = new LineChannel(p[1], 4 << 20, shared)) {
            Thread writer = Thread.ofVirtual().start(() -> {
                try {
                    String small = "x".repeat(200 << 10) + "\n";
                    String large = "y".repeat(1 << 20) + "\n";
                    ByteBuffer all = ByteBuffer.wrap((small + large + "{}\n").getBytes(StandardCharsets.UTF_8));
                    while (all.hasRemaining()) p[0].write(all);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            assertEquals(200 << 10, b.readLine().length(), "within the budget");
            LineChannel.MessageRefused refused = assertThrows(LineChannel.MessageRefused.class, b::readLine);
            assertTrue(refused.overBudget(), refused.getMessage());
            assertEquals("{}", b.readLine());
            writer.join();
            assertEquals(256 << 10, budget[0], "everything reserved was given back");
        }
    }
}
