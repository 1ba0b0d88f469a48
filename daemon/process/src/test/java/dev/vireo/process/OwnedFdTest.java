package dev.vireo.process;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OwnedFdTest {
    @TempDir
    Path dir;

    private static String fdInfoFlags(int fd) throws IOException {
        return Files.readAllLines(Path.of("/proc/self/fdinfo/" + fd)).stream()
                .filter(l -> l.startsWith("flags:")).findFirst().orElseThrow().split("\\s+")[1];
    }

    @Test
    void opensWithTheRequestedAccessModeAndCloseOnExec() throws Exception {
        Path image = Files.writeString(dir.resolve("disk.img"), "x");
        try (OwnedFd ro = OwnedFd.open(image, OpenMode.READ_ONLY);
             OwnedFd rw = OwnedFd.open(image, OpenMode.READ_WRITE)) {
            int roFlags = Integer.parseInt(fdInfoFlags(ro.fd()), 8);
            int rwFlags = Integer.parseInt(fdInfoFlags(rw.fd()), 8);
            assertEquals(Libc.O_RDONLY, roFlags & 3);
            assertEquals(Libc.O_RDWR, rwFlags & 3);
            assertTrue((roFlags & Libc.O_CLOEXEC) != 0, "close-on-exec");
            assertEquals(image, Files.readSymbolicLink(Path.of("/proc/self/fd/" + ro.fd())));
        }
    }

    @Test
    void closeReleasesTheDescriptorOnce() throws Exception {
        OwnedFd fd = OwnedFd.open(Files.writeString(dir.resolve("f"), ""), OpenMode.READ_ONLY);
        fd.close();
        fd.close();
        assertTrue(fd.isClosed());
        assertThrows(IllegalStateException.class, fd::fd);
    }

    @Test
    void appendCreateMakesAPrivateFile() throws Exception {
        Path log = dir.resolve("new.log");
        try (OwnedFd fd = OwnedFd.open(log, OpenMode.APPEND_CREATE)) {
            assertTrue(fd.fd() > 2);
        }
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(log)));
    }

    @Test
    void aRefusedOpenNamesThePathModeAndReason() {
        Path missing = dir.resolve("missing.qcow2");
        IOException e = assertThrows(IOException.class, () -> OwnedFd.open(missing, OpenMode.READ_WRITE));
        assertEquals("cannot open " + missing + " read-write: No such file or directory", e.getMessage());
    }

    @Test
    void openImageOfAFifoReturnsAtOnceAndRefusesIt() throws Exception {
        Path fifo = dir.resolve("swapped.qcow2");
        new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor();
        // no writer: a blocking open(O_RDONLY) would wait here for ever
        NotAnImageFileException e = assertTimeoutPreemptively(java.time.Duration.ofSeconds(10),
                () -> assertThrows(NotAnImageFileException.class, () -> OwnedFd.openImage(fifo, OpenMode.READ_ONLY)));
        assertEquals(FileKind.FIFO, e.kind());
        assertEquals(fifo + " is a FIFO (named pipe), not a regular file or block device", e.getMessage());
    }

    @Test
    void openImageRefusesDirectoriesAndCharacterDevices() {
        assertEquals(FileKind.DIRECTORY, assertThrows(NotAnImageFileException.class,
                () -> OwnedFd.openImage(dir, OpenMode.READ_ONLY)).kind());
        assertEquals(FileKind.CHARACTER_DEVICE, assertThrows(NotAnImageFileException.class,
                () -> OwnedFd.openImage(Path.of("/dev/null"), OpenMode.READ_ONLY)).kind());
    }

    @Test
    void openImageOfARegularFileLeavesNoNonBlockingFlag() throws Exception {
        Path image = Files.writeString(dir.resolve("disk.img"), "x");
        try (OwnedFd ro = OwnedFd.openImage(image, OpenMode.READ_ONLY);
             OwnedFd rw = OwnedFd.openImage(image, OpenMode.READ_WRITE)) {
            int roFlags = Integer.parseInt(fdInfoFlags(ro.fd()), 8);
            int rwFlags = Integer.parseInt(fdInfoFlags(rw.fd()), 8);
            assertEquals(List.of(Libc.O_RDONLY, Libc.O_RDWR), List.of(roFlags & 3, rwFlags & 3));
            assertEquals(List.of(0, 0), List.of(roFlags & Libc.O_NONBLOCK, rwFlags & Libc.O_NONBLOCK));
            assertTrue((roFlags & Libc.O_CLOEXEC) != 0, "close-on-exec");
            assertEquals(FileKind.REGULAR_FILE, FileKind.of(ro));
        }
    }
}
