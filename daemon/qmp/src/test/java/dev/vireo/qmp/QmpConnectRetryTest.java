package dev.vireo.qmp;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** connect() retries while QEMU has not created its socket yet; no retry may leave a socket open. */
class QmpConnectRetryTest {
    @TempDir
    Path dir;

    @Test
    void failedConnectAttemptsCloseTheirSockets() throws Exception {
        Path missing = dir.resolve("not-yet.monitor");
        QmpClient.Options options = QmpClient.Options.DEFAULTS.withConnectTimeout(Duration.ofMillis(400));
        long before = openSockets();
        assertThrows(IOException.class, () -> QmpClient.connect(missing, options));
        long after = openSockets();
        // ~80 attempts at 5 ms intervals; each one used to leave its socket for the garbage collector
        assertTrue(after - before <= 2, "sockets open before " + before + ", after " + after);
    }

    /** This process's open socket descriptors, read from /proc (not a count the JVM keeps). */
    private static long openSockets() throws IOException {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.filter(fd -> {
                try {
                    return Files.readSymbolicLink(fd).toString().startsWith("socket:");
                } catch (IOException gone) {
                    return false;
                }
            }).count();
        }
    }
}
