package dev.vireo.qmp;

import dev.vireo.process.ManagedProcess;
import dev.vireo.process.ProcessSpawner;
import dev.vireo.process.SpawnSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsclub.net.unix.AFUNIXServerSocket;
import org.newsclub.net.unix.AFUNIXSocketAddress;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Misbehaving peers, mostly played by a scripted server on a real Unix socket (QEMU cannot be
 * made to imitate them): oversized messages, no greeting, not QMP at all, nobody listening; and a
 * real QEMU that dies on a bad option before it accepts.
 */
class QmpProtocolTest {
    private static final String GREETING = "{\"QMP\": {\"version\": {\"qemu\": {\"micro\": 0, \"minor\": 2,"
            + " \"major\": 7}, \"package\": \"\"}, \"capabilities\": [\"oob\"]}}\n";
    @TempDir
    Path dir;

    private interface Script {
        void play(Socket peer, BufferedReader in, OutputStream out) throws IOException, InterruptedException;
    }

    /** Serves one connection with {@code script}; the future ends when the script does. */
    private CompletableFuture<Void> serve(Path socket, Script script) throws IOException {
        AFUNIXServerSocket server = AFUNIXServerSocket.bindOn(AFUNIXSocketAddress.of(socket));
        return CompletableFuture.runAsync(() -> {
            try (server; Socket peer = server.accept()) {
                BufferedReader in = new BufferedReader(new InputStreamReader(peer.getInputStream(), StandardCharsets.UTF_8));
                script.play(peer, in, peer.getOutputStream());
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }, task -> Thread.ofPlatform().daemon().start(task));   // never queued behind another server
    }

    private static void greetAndNegotiate(BufferedReader in, OutputStream out) throws IOException {
        out.write(GREETING.getBytes(StandardCharsets.UTF_8));
        String negotiation = in.readLine();
        assertTrue(negotiation.contains("qmp_capabilities"), negotiation);
        out.write("{\"return\": {}}\n".getBytes(StandardCharsets.UTF_8));
    }

    private static QmpClient.Options options(int maxMessageBytes) {
        return new QmpClient.Options(Duration.ofMillis(500), Duration.ofSeconds(10), maxMessageBytes);
    }

    @Test
    void aMessageOverTheCapClosesTheConnectionAndSaysWhy() throws Exception {
        Path socket = dir.resolve("big.sock");
        CompletableFuture<Void> server = serve(socket, (peer, in, out) -> {
            greetAndNegotiate(in, out);
            in.readLine();   // the command
            out.write(("{\"return\": \"" + "x".repeat(5000) + "\", \"id\": 1}\n").getBytes(StandardCharsets.UTF_8));
            Thread.sleep(2000);
        });
        try (QmpClient client = QmpClient.connect(socket, options(4096))) {
            QmpClosedException e = assertThrows(QmpClosedException.class, () -> client.execute("query-big"));
            assertEquals("a QMP message exceeds the limit of 4096 bytes; closing the connection (" + socket + ")",
                    e.getMessage());
            assertEquals(e, client.onClose().get(5, TimeUnit.SECONDS));
        }
        server.cancel(true);
    }

    @Test
    void messagesUpToTheCapAndSplitAcrossWritesArrive() throws Exception {
        Path socket = dir.resolve("split.sock");
        String value = "y".repeat(3000);
        serve(socket, (peer, in, out) -> {
            greetAndNegotiate(in, out);
            in.readLine();
            byte[] reply = ("{\"return\": \"" + value + "\", \"id\": 1}\n").getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < reply.length; i += 700) {
                out.write(reply, i, Math.min(700, reply.length - i));
                out.flush();
                Thread.sleep(5);
            }
            in.readLine();
        });
        try (QmpClient client = QmpClient.connect(socket, options(4096))) {
            assertEquals(value, client.execute("query-long").asText());
        }
    }

    @Test
    void aListenerGivenToConnectGetsAnEventSentRightAfterNegotiation() throws Exception {
        Path socket = dir.resolve("early.sock");
        serve(socket, (peer, in, out) -> {
            greetAndNegotiate(in, out);
            out.write("{\"timestamp\": {\"seconds\": 1, \"microseconds\": 5}, \"event\": \"SHUTDOWN\", \"data\": {\"guest\": true, \"reason\": \"guest-shutdown\"}}\n"
                    .getBytes(StandardCharsets.UTF_8));
            in.readLine();
        });
        java.util.concurrent.BlockingQueue<QmpEvent> events = new java.util.concurrent.LinkedBlockingQueue<>();
        try (QmpClient client = QmpClient.connect(socket, options(4096), () -> true, events::add)) {
            QmpEvent shutdown = events.poll(10, TimeUnit.SECONDS);
            assertEquals(new QmpEvent("SHUTDOWN", java.time.Instant.ofEpochSecond(1, 5000),
                    QmpClient.JSON.readTree("{\"guest\": true, \"reason\": \"guest-shutdown\"}")), shutdown);
        }
    }

    @Test
    void aPeerThatDoesNotGreetIsRefused() throws Exception {
        Path socket = dir.resolve("silent.sock");
        serve(socket, (peer, in, out) -> Thread.sleep(3000));
        QmpProtocolException e = assertThrows(QmpProtocolException.class, () -> QmpClient.connect(socket, options(4096)));
        assertEquals("no QMP greeting on " + socket + " within 500 ms", e.getMessage());
    }

    @Test
    void aPeerThatIsNotQmpIsRefused() throws Exception {
        Path socket = dir.resolve("http.sock");
        serve(socket, (peer, in, out) -> out.write("{\"hello\": 1}\n".getBytes(StandardCharsets.UTF_8)));
        QmpProtocolException e = assertThrows(QmpProtocolException.class, () -> QmpClient.connect(socket, options(4096)));
        assertEquals("expected a QMP greeting {\"QMP\": {\"version\": ...}}, got {\"hello\":1}", e.getMessage());
    }

    @Test
    void aRefusedNegotiationIsReportedWithQemusError() throws Exception {
        Path socket = dir.resolve("refuse.sock");
        serve(socket, (peer, in, out) -> {
            out.write(GREETING.getBytes(StandardCharsets.UTF_8));
            in.readLine();
            out.write("{\"error\": {\"class\": \"CommandNotFound\", \"desc\": \"Capabilities negotiation is already complete\"}}\n"
                    .getBytes(StandardCharsets.UTF_8));
        });
        QmpCommandException e = assertThrows(QmpCommandException.class, () -> QmpClient.connect(socket, options(4096)));
        assertEquals("qmp_capabilities", e.command());
        assertEquals("Capabilities negotiation is already complete", e.description());
    }

    @Test
    void nobodyListeningFailsAfterTheConnectTimeoutNamingTheSocket() {
        Path socket = dir.resolve("nobody.sock");
        IOException e = assertThrows(IOException.class, () -> QmpClient.connect(socket, options(4096)));
        assertTrue(e.getMessage().startsWith("cannot connect to QMP socket " + socket + " within 500 ms: "),
                e.getMessage());
    }

    @Test
    void connectGivesUpAtOnceWhenQemuDiesBeforeItsSocketAccepts() throws Exception {
        Path monitor = dir.resolve("monitor.sock");
        ManagedProcess qemu = ProcessSpawner.spawn(SpawnSpec.command("qemu-system-x86_64", "-machine", "none",
                "-qmp", "unix:" + monitor + ",server=on,wait=off", "-no-such-option").build());
        long start = System.nanoTime();
        QmpClosedException e = assertThrows(QmpClosedException.class, () -> QmpClient.connect(monitor,
                QmpClient.Options.DEFAULTS.withConnectTimeout(Duration.ofSeconds(60)), qemu::isAlive));
        assertEquals("the process serving " + monitor + " ended before its QMP socket accepted a connection",
                e.getMessage());
        assertTrue(System.nanoTime() - start < Duration.ofSeconds(30).toNanos(), "gave up well before the timeout");
    }
}
