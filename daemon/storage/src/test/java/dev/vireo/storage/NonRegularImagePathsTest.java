package dev.vireo.storage;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Image paths that are no regular file or block device are refused without ever blocking: a FIFO
 * nobody writes to would hold a plain open(2) for ever (each test fails after 10 s instead).
 */
class NonRegularImagePathsTest {

    private static final Duration NEVER_BLOCKS = Duration.ofSeconds(10);

    @TempDir
    Path dir;
    QemuImg qemuImg;

    @BeforeEach
    void setUp() {
        qemuImg = new QemuImg(dir);
    }

    @Test
    void fifoAsTheTopImageIsRefused() throws Exception {
        Path fifo = mkfifo("top.qcow2");

        var e = refused(UnsupportedImageException.class, () -> BackingChain.open(fifo, ImageFormat.QCOW2, ChainPolicy.defaults()));
        assertEquals("image '" + fifo + "' is a FIFO (named pipe), not a regular file or block device "
                + "(opening it would wait for a writer)", e.getMessage());
    }

    @Test
    void fifoAsABackingLayerIsRefusedNamingItsOverlay() throws Exception {
        Path fifo = mkfifo("base.raw");
        Path top = qemuImg.create("qcow2", "top.qcow2", "1M", "-u", "-b", "base.raw", "-F", "raw");

        var e = refused(UnsupportedImageException.class, () -> BackingChain.open(top, ImageFormat.QCOW2, ChainPolicy.defaults()));
        assertEquals(top, e.image());
        assertEquals(top + ": backing file 'base.raw' (resolved to " + fifo + ", relative to the overlay's directory) "
                + "is a FIFO (named pipe), not a regular file or block device (opening it would wait for a writer)",
                e.getMessage());
    }

    @Test
    void imageInfoAndFormatDetectionRefuseAFifo() throws Exception {
        Path fifo = mkfifo("x.img");

        assertEquals("image '" + fifo + "' is a FIFO (named pipe), not a regular file or block device "
                        + "(opening it would wait for a writer)",
                refused(UnsupportedImageException.class, () -> ImageInfo.read(fifo, ImageFormat.RAW)).getMessage());
        refused(UnsupportedImageException.class, () -> FormatDetector.detectOrRaw(fifo));
        refused(UnsupportedImageException.class, () -> ImageHeaders.read(fifo, ImageFormat.QCOW2));
    }

    @Test
    void socketsCharacterDevicesAndDirectoriesAreRefused() throws Exception {
        Path socket = dir.resolve("disk.sock");
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(socket));
            assertEquals("image '" + socket + "' is a socket, not a regular file or block device",
                    refused(UnsupportedImageException.class,
                            () -> BackingChain.open(socket, ImageFormat.RAW, ChainPolicy.defaults())).getMessage());
        }
        assertEquals("image '/dev/zero' is a character device, not a regular file or block device",
                refused(UnsupportedImageException.class,
                        () -> BackingChain.open(Path.of("/dev/zero"), ImageFormat.RAW, ChainPolicy.defaults())).getMessage());
        assertEquals("image '" + dir + "' is a directory, not a regular file or block device",
                refused(UnsupportedImageException.class,
                        () -> BackingChain.open(dir, ImageFormat.RAW, ChainPolicy.defaults())).getMessage());
    }

    @Test
    void aSymlinkToAFifoIsJudgedByWhatItLeadsTo() throws Exception {
        Path fifo = mkfifo("real");
        Path link = java.nio.file.Files.createSymbolicLink(dir.resolve("disk.raw"), fifo);

        assertEquals("image '" + link + "' is a FIFO (named pipe), not a regular file or block device "
                        + "(opening it would wait for a writer)",
                refused(UnsupportedImageException.class,
                        () -> BackingChain.open(link, ImageFormat.RAW, ChainPolicy.defaults())).getMessage());
    }

    private Path mkfifo(String name) throws Exception {
        Path fifo = dir.resolve(name);
        Process p = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
        assertEquals(0, p.waitFor());
        return fifo;
    }

    private static <T extends Throwable> T refused(Class<T> type, Executable call) {
        return assertTimeoutPreemptively(NEVER_BLOCKS, () -> assertThrows(type, call));
    }
}
