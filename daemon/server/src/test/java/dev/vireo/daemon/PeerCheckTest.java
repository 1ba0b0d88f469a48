package dev.vireo.daemon;

import dev.vireo.protocol.Endpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The second line of defence: even when the socket's permissions are opened up by mistake, another
 * user's connection is closed unanswered (SO_PEERCRED). Needs root, to run the probe as 'nobody'.
 */
class PeerCheckTest {
    /** A JDK-only client run by the java launcher in source mode: prints "answered" or "closed". */
    private static final String PROBE = """
            import java.net.*;
            import java.nio.*;
            import java.nio.channels.*;
            public class Probe {
                public static void main(String[] a) throws Exception {
                    try (SocketChannel ch = SocketChannel.open(UnixDomainSocketAddress.of(a[0]))) {
                        ch.write(ByteBuffer.wrap("{\\"id\\":1,\\"op\\":\\"list\\",\\"args\\":{\\"all\\":true}}\\n".getBytes()));
                        int n = ch.read(ByteBuffer.allocate(4096));
                        System.out.println(n > 0 ? "answered" : "closed");
                    } catch (java.io.IOException reset) {
                        System.out.println("closed");
                    }
                }
            }
            """;

    @TempDir
    Path tmp;

    @Test
    void anotherUsersConnectionIsClosedUnanswered() throws Exception {
        assumeTrue(Endpoint.currentUid() == 0, "needs root to run a client as another user");
        Path socket = tmp.resolve("run/vireod.sock");
        try (DaemonFixture daemon = new DaemonFixture(tmp)) {
            // open the way to the socket, as a careless administrator might
            for (Path p = socket.getParent(); p.startsWith(tmp.getParent()) && !p.equals(tmp.getParent()); p = p.getParent()) {
                Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
            Files.setPosixFilePermissions(socket, PosixFilePermissions.fromString("rw-rw-rw-"));
            Path probe = tmp.resolve("Probe.java");
            Files.writeString(probe, PROBE);
            Files.setPosixFilePermissions(probe, PosixFilePermissions.fromString("rw-r--r--"));

            assertEquals("closed", run("runuser", "-u", "nobody", "--", java(), probe.toString(), socket.toString()));
            assertEquals("answered", run(java(), probe.toString(), socket.toString()), "its own user is served");
        }
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static String run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        p.waitFor(60, TimeUnit.SECONDS);
        return out;
    }
}
