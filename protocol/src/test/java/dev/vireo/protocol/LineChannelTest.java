package dev.vireo.protocol;

import org.junit.jupiter.api.Test;

import java.io.IOException;
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
    void aMessageOverTheCapIsRefused() throws Exception {
        SocketChannel[] p = pair();
        try (LineChannel b = new LineChannel(p[1])) {
            Thread writer = Thread.ofVirtual().start(() -> {
                ByteBuffer chunk = ByteBuffer.allocate(1 << 20);
                try {
                    for (int i = 0; i <= LineChannel.MAX_MESSAGE_BYTES >> 20; i++) {
                        chunk.clear();
                        while (chunk.hasRemaining()) p[0].write(chunk);
                    }
                } catch (IOException closed) {
                    // the reader gave up, as it should
                }
            });
            assertThrows(ProtocolException.class, b::readLine);
            p[0].close();
            writer.join();
        }
    }
}
