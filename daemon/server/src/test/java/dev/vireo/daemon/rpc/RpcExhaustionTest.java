package dev.vireo.daemon.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vireo.client.VireoClient;
import dev.vireo.daemon.ReliabilityReport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Running the daemon out of memory, in a daemon process of its own with a small heap: it must
 * stay responsive and answer every request. Figures go to scripts/test-reliability's table.
 * (Running it out of file descriptors was measured by hand, see docs/reliability.md: a test of it
 * hung on a blocking connect to the full listen queue and was taken out before landing.)
 */
@Tag("reliability")
class RpcExhaustionTest {
    @TempDir
    Path dir;
    private Process daemon;
    private final List<RpcAbuseTest.Raw> clients = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() throws Exception {
        for (RpcAbuseTest.Raw c : clients) c.close();
        if (daemon != null) {
            daemon.destroy();
            if (!daemon.waitFor(30, TimeUnit.SECONDS)) daemon.destroyForcibly().waitFor();
        }
    }

    @Test
    void manyConnectionsBufferingLargeRequestsDoNotExhaustTheHeap() throws Exception {
        Path socket = startDaemon(List.of(), "-Xmx192m", "max_clients = 1000\nrequest_timeout = 300\n");
        int connections = 200;
        // 2 MiB of blank space inside the request: valid JSON, answered with the list (an unknown
        // padding argument would be refused since operations are records)
        String half = "{\"id\":1,\"op\":\"list\",\"args\":{}" + " ".repeat(2 << 20) + "}";
        List<Thread> senders = new ArrayList<>();
        for (int i = 0; i < connections; i++) {
            RpcAbuseTest.Raw c = new RpcAbuseTest.Raw(socket);
            clients.add(c);
            senders.add(Thread.ofVirtual().start(() -> {
                try {
                    c.send(half); // no newline: the daemon must hold or skip it
                } catch (IOException e) {
                    // a connection the daemon closed: counted below
                }
            }));
        }
        for (Thread t : senders) t.join(Duration.ofSeconds(60));
        long rssWhileHeld = rssKiB();
        boolean answersMeanwhile = servesWithin(socket, Duration.ofSeconds(20));
        int answered = 0;
        int busy = 0;
        for (RpcAbuseTest.Raw c : clients) c.send("\n");
        for (RpcAbuseTest.Raw c : clients) {
            JsonNode reply = c.reply();
            if (reply.has("result")) answered++;
            else if ("busy".equals(reply.path("error").path("code").asText())) busy++;
        }
        boolean alive = daemon.isAlive();
        boolean oom = log().contains("OutOfMemoryError");
        ReliabilityReport.record("rpc: memory", connections + " connections each sending a 2 MiB request, heap 192 MiB",
                alive && !oom && answersMeanwhile,
                String.format("RSS %d MiB while held; %d answered, %d told busy (max_buffered_bytes = 64 MiB); no OutOfMemoryError: %s",
                        rssWhileHeld / 1024, answered, busy, !oom));
        assertTrue(alive, "the daemon survived:\n" + log());
        assertFalse(oom, log());
        assertTrue(answersMeanwhile, "another client is served meanwhile");
        assertEquals(connections, answered + busy, "every request got a reply");
    }

    // --- the daemon process ----------------------------------------------------------------------

    private Path startDaemon(List<String> wrapper, String heap, String conf) throws Exception {
        Path state = Files.createDirectories(dir.resolve("state"));
        Files.writeString(state.resolve("vireod.conf"), conf);
        Path socket = dir.resolve("run/vireod.sock");
        List<String> cmd = new ArrayList<>(wrapper);
        cmd.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), heap,
                "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                "dev.vireo.daemon.Main", "--listen", "unix:" + socket, "--state-dir", state.toString(),
                "--runtime-dir", dir.resolve("run").toString()));
        daemon = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("vireod.log").toFile())).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!Files.exists(socket)) {
            if (!daemon.isAlive() || System.nanoTime() > deadline) throw new IOException("vireod did not come up: " + log());
            Thread.sleep(50);
        }
        return socket;
    }

    private String log() {
        try {
            return Files.readString(dir.resolve("vireod.log"));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    private static boolean servesWithin(Path socket, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try (VireoClient c = VireoClient.connect(socket)) {
                c.list(true);
                return true;
            } catch (Exception notYet) {
                Thread.sleep(200);
            }
        }
        return false;
    }

    private long rssKiB() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(daemonPid()), "status"))) {
            if (line.startsWith("VmRSS:")) return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
        return -1;
    }

    /** The JVM's pid: prlimit execs it, so it is the process started. */
    private long daemonPid() {
        return daemon.pid();
    }
}
