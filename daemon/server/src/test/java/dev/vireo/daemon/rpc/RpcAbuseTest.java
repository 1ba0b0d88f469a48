package dev.vireo.daemon.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vireo.client.VireoClient;
import dev.vireo.client.VireoException;
import dev.vireo.daemon.Json;
import dev.vireo.daemon.ReliabilityReport;
import dev.vireo.daemon.domain.DefinitionCodec;
import dev.vireo.daemon.domain.DomainEntry;
import dev.vireo.daemon.domain.DomainRegistry;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.vireo.protocol.ErrorCodes;
import dev.vireo.protocol.LineChannel;
import dev.vireo.protocol.ops.Nullable;
import dev.vireo.protocol.ops.Request;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a client can do to the RPC endpoint on purpose or by accident (issue 8): trailing text,
 * odd ids, oversized and half-sent requests, idle connections, too many connections, a client
 * that leaves while its operation waits. Each case records a row for scripts/test-reliability.
 * The cases that need their own daemon process (fd exhaustion, memory) are in
 * {@link RpcExhaustionTest}.
 */
@Tag("reliability")
class RpcAbuseTest {
    private static final Duration REPLY = Duration.ofSeconds(10);

    @TempDir
    Path dir;
    private RpcServer server;
    private final List<AutoCloseable> open = new ArrayList<>();

    /** {@code ping}: answers {@code {"pong":true}}; {@code pad} only makes the request longer. */
    record Ping(@Nullable String pad) implements Request {
        @Override public String op() { return "ping"; }
    }

    record Subscribe() implements Request {
        @Override public String op() { return "subscribe"; }
    }

    record Broken() implements Request {
        @Override public String op() { return "broken"; }
    }

    record Undefine(String domain) implements Request {
        @Override public String op() { return "undefine"; }
    }

    private RpcServer start(RpcLimits limits, Consumer<Operations> extra) throws IOException {
        Operations ops = new Operations();
        extra.accept(ops);
        ops.handle(Ping.class, r -> JsonNodeFactory.instance.objectNode().put("pong", true));
        ops.handleInSession(Subscribe.class, (r, session) -> {
            session.subscribed();
            return JsonNodeFactory.instance.objectNode();
        });
        server = new RpcServer(dir.resolve("s.sock"), ops, limits);
        server.start();
        return server;
    }

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable c : open) c.close();
        if (server != null) server.close();
    }

    @Test
    void textAfterTheRequestIsRefused() throws Exception {
        start(RpcLimits.defaults(), ops -> { });
        Raw c = connect();
        c.send("{\"id\":1,\"op\":\"ping\"} {\"id\":2,\"op\":\"ping\"}\n");
        JsonNode reply = c.reply();
        boolean refused = ErrorCodes.BAD_REQUEST.equals(reply.path("error").path("code").asText());
        ReliabilityReport.record("rpc: trailing text", "two JSON values on one request line", refused, reply.toString());
        assertTrue(refused, reply.toString());
        assertTrue(reply.path("error").path("message").asText().contains("text after the request's JSON value"), reply.toString());
    }

    @Test
    void anOperationThatThrowsAnErrorIsStillAnswered() throws Exception {
        // e.g. a NoSuchMethodError from a stale jar: the client must not wait for ever
        start(RpcLimits.defaults(), ops -> ops.handle(Broken.class, r -> {
            throw new NoSuchMethodError("dev.vireo.Example.gone()");
        }));
        Raw c = connect();
        c.send("{\"id\":7,\"op\":\"broken\"}\n{\"id\":8,\"op\":\"ping\"}\n");
        JsonNode reply = c.reply();
        JsonNode next = c.reply();
        boolean answered = ErrorCodes.INTERNAL.equals(reply.path("error").path("code").asText()) && next.has("result");
        ReliabilityReport.record("rpc: operation throws an Error", "NoSuchMethodError in an operation, then a ping",
                answered, reply + " " + next);
        assertEquals(7, reply.path("id").asInt(), reply.toString());
        assertEquals("broken failed: java.lang.NoSuchMethodError: dev.vireo.Example.gone()",
                reply.path("error").path("message").asText());
        assertEquals(8, next.path("id").asInt(), next.toString());
    }

    @Test
    void anIdMustBeAnIntegerOrAString() throws Exception {
        start(RpcLimits.defaults(), ops -> { });
        Raw c = connect();
        c.send("{\"id\":1e999999,\"op\":\"ping\"}\n");
        JsonNode infinite = c.reply();
        c.send("{\"id\":\"abc\",\"op\":\"ping\"}\n{\"id\":123456789012345678901234567890,\"op\":\"ping\"}\n");
        JsonNode text = c.reply();
        JsonNode big = c.reply();
        boolean handled = infinite.path("id").isNull() && infinite.has("error") && "abc".equals(text.path("id").asText())
                && big.path("id").isIntegralNumber() && big.has("result");
        ReliabilityReport.record("rpc: odd ids", "ids 1e999999, \"abc\", a 30-digit integer", handled,
                infinite + " " + text + " " + big);
        assertTrue(infinite.path("id").isNull(), infinite.toString());
        assertEquals(ErrorCodes.BAD_REQUEST, infinite.path("error").path("code").asText());
        assertTrue(infinite.path("error").path("message").asText().contains("integer or a string"), infinite.toString());
        assertEquals("abc", text.path("id").asText());
        assertEquals("123456789012345678901234567890", big.path("id").toString());
    }

    @Test
    void anOversizedRequestIsAnsweredAndTheConnectionGoesOn() throws Exception {
        start(RpcLimits.defaults().withMaxRequestBytes(64 << 10), ops -> { });
        Raw c = connect();
        c.send(request(1, 1 << 20) + "\n{\"id\":2,\"op\":\"ping\"}\n");
        JsonNode refused = c.reply();
        JsonNode next = c.reply();
        boolean handled = refused.has("error") && next.has("result");
        ReliabilityReport.record("rpc: oversized request", "1 MiB request, max_request_bytes = 64 KiB, then a ping",
                handled, refused.path("error").path("message").asText() + "; next request answered: " + next.has("result"));
        assertEquals(ErrorCodes.BAD_REQUEST, refused.path("error").path("code").asText(), refused.toString());
        assertTrue(refused.path("error").path("message").asText().contains("longer than 65536 bytes (max_request_bytes)"));
        assertEquals(2, next.path("id").asInt());
        assertEquals(0, server.bufferedBytes(), "the skipped request's buffer is given back");
    }

    @Test
    void theClientLibraryReportsAnOversizedRequestNotABrokenPipe() throws Exception {
        start(RpcLimits.defaults().withMaxRequestBytes(64 << 10), ops -> { });
        try (VireoClient client = VireoClient.connect(server.socket())) {
            VireoException e = assertThrows(VireoException.class, () -> client.call("ping", Map.of("pad", "x".repeat(1 << 20))));
            ReliabilityReport.record("rpc: oversized request (client)", "VireoClient sends 1 MiB, max 64 KiB", true, e.getMessage());
            assertTrue(e.getMessage().contains("max_request_bytes"), e.getMessage());
            assertEquals(Boolean.TRUE, ((Map<?, ?>) client.call("ping", null)).get("pong"));
        }
    }

    @Test
    void bufferedBytesAreCappedAcrossConnections() throws Exception {
        start(RpcLimits.defaults().withMaxRequestBytes(1 << 20).withMaxBufferedBytes(1 << 20), ops -> { });
        Raw holder = connect();
        String held = request(1, 900 << 10);
        holder.send(held); // no newline yet: the daemon holds it
        waitFor(() -> server.bufferedBytes() > 512 << 10, "the first request to be buffered");
        Raw second = connect();
        second.send(request(2, 600 << 10) + "\n");
        JsonNode busy = second.reply();
        holder.send("\n");
        JsonNode first = holder.reply();
        second.send(request(3, 600 << 10) + "\n");
        JsonNode again = second.reply();
        boolean handled = ErrorCodes.BUSY.equals(busy.path("error").path("code").asText()) && first.has("result") && again.has("result");
        ReliabilityReport.record("rpc: buffered bytes", "900 KiB held half-sent + 600 KiB on a second connection, max_buffered_bytes = 1 MiB",
                handled, "second: " + busy.path("error").path("message").asText() + "; retried after the first finished: answered");
        assertEquals(ErrorCodes.BUSY, busy.path("error").path("code").asText(), busy.toString());
        assertEquals(1, first.path("id").asInt(), first.toString());
        assertEquals(3, again.path("id").asInt(), again.toString());
    }

    @Test
    void connectionsAboveMaxClientsAreToldBusy() throws Exception {
        start(RpcLimits.defaults().withMaxClients(3), ops -> { });
        List<Raw> served = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Raw c = connect();
            c.send("{\"id\":1,\"op\":\"ping\"}\n");
            assertTrue(c.reply().has("result"));
            served.add(c);
        }
        VireoException refused;
        try (VireoClient fourth = VireoClient.connect(server.socket())) {
            refused = assertThrows(VireoException.class, () -> fourth.call("ping", null));
        }
        served.getFirst().close();
        waitFor(() -> server.connectionCount() < 3, "a connection to close");
        Raw later = connect();
        later.send("{\"id\":1,\"op\":\"ping\"}\n");
        boolean laterServed = later.reply().has("result");
        ReliabilityReport.record("rpc: max_clients", "4 connections, max_clients = 3", ErrorCodes.BUSY.equals(refused.code()) && laterServed,
                "4th: " + refused.code() + ": " + refused.getMessage() + "; after one left, a new one is served");
        assertEquals(ErrorCodes.BUSY, refused.code());
        assertTrue(refused.getMessage().contains("max_clients"), refused.getMessage());
        assertTrue(laterServed);
    }

    @Test
    void idleConnectionsAreClosedButSubscribersStay() throws Exception {
        start(RpcLimits.defaults().withIdleTimeout(Duration.ofSeconds(1)), ops -> { });
        Raw idle = connect();
        idle.send("{\"id\":1,\"op\":\"ping\"}\n");
        idle.reply();
        Raw listener = connect();
        listener.send("{\"id\":1,\"op\":\"subscribe\"}\n");
        listener.reply();
        long began = System.nanoTime();
        String end = idle.readLine(REPLY);
        long closedAfterMillis = (System.nanoTime() - began) / 1_000_000;
        listener.send("{\"id\":2,\"op\":\"ping\"}\n");
        boolean listenerServed = listener.reply().has("result");
        ReliabilityReport.record("rpc: idle connection", "a connection idle past idle_timeout = 1 s, and a subscriber",
                end == null && listenerServed, "idle one closed after " + closedAfterMillis + " ms; subscriber still served");
        assertNull(end, "the idle connection is closed");
        assertTrue(listenerServed);
    }

    @Test
    void aHalfSentRequestTimesOut() throws Exception {
        start(RpcLimits.defaults().withRequestTimeout(Duration.ofSeconds(1)), ops -> { });
        Raw c = connect();
        c.send("{\"id\":1,\"op\":");
        JsonNode reply = c.reply();
        String end = c.readLine(REPLY);
        boolean handled = reply.has("error") && end == null && server.connectionCount() <= 1;
        ReliabilityReport.record("rpc: half-sent request", "a request cut off before its newline, request_timeout = 1 s",
                handled, reply.path("error").path("message").asText() + "; connection closed");
        assertTrue(reply.path("error").path("message").asText().contains("request not completed within 1 s"), reply.toString());
        assertNull(end);
    }

    @Test
    void anOperationWhoseClientLeftWhileItWaitedIsNotStarted() throws Exception {
        Path domains = Files.createDirectories(dir.resolve("domains"));
        DefinitionCodec codec = new DefinitionCodec();
        DomainRegistry registry = DomainRegistry.load(domains, codec);
        registry.define(codec.parse("""
                <domain type='qemu'>
                  <name>keep</name>
                  <memory unit='KiB'>65536</memory>
                  <os><type arch='x86_64' machine='pc'>hvm</type></os>
                </domain>
                """));
        start(RpcLimits.defaults(), ops -> ops.handle(Undefine.class, r -> {
            registry.undefine(r.domain());
            return JsonNodeFactory.instance.objectNode();
        }));
        DomainEntry entry = registry.lookup("keep");
        // a long operation on the domain holds its job slot
        try (var held = entry.jobs().begin("a long operation")) {
            Raw c = connect();
            c.send("{\"id\":1,\"op\":\"undefine\",\"args\":{\"domain\":\"keep\"}}\n");
            Thread.sleep(500); // undefine now waits for the slot
            c.close(); // the client gives up
            Thread.sleep(200);
        }
        waitFor(() -> server.connectionCount() == 0, "the abandoned call to end");
        boolean kept = Files.exists(domains.resolve("keep.xml"));
        ReliabilityReport.record("rpc: caller gone", "undefine waiting for the domain's job slot; its client disconnects",
                kept, kept ? "not started: the domain is still defined" : "carried out for nobody: the domain was removed");
        assertTrue(kept, "an undefine whose client left is not carried out");
        assertEquals("keep", registry.lookup("keep").name());
    }

    // --- helpers --------------------------------------------------------------------------------

    /** A request line of about {@code size} bytes (padding in an argument), without its newline. */
    static String request(int id, int size) {
        return "{\"id\":" + id + ",\"op\":\"ping\",\"args\":{\"pad\":\"" + "x".repeat(Math.max(0, size - 60)) + "\"}}";
    }

    static void waitFor(java.util.function.BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + REPLY.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("timed out waiting for " + what);
            Thread.sleep(10);
        }
    }

    private Raw connect() throws IOException {
        Raw raw = new Raw(server.socket());
        open.add(raw);
        return raw;
    }

    /** A client that writes whatever bytes it is given. */
    static final class Raw implements AutoCloseable {
        private final SocketChannel ch;
        private final LineChannel lines;

        Raw(Path socket) throws IOException {
            this(socket, REPLY);
        }

        /**
         * Connects, retrying while the daemon's listen queue is full for up to {@code patience}: a
         * blocking connect would wait for ever on a daemon that does not accept (out of descriptors).
         */
        Raw(Path socket, Duration patience) throws IOException {
            ch = connect(socket, patience);
            lines = new LineChannel(ch);
        }

        private static SocketChannel connect(Path socket, Duration patience) throws IOException {
            long deadline = System.nanoTime() + patience.toNanos();
            for (;;) {
                SocketChannel c = SocketChannel.open(StandardProtocolFamily.UNIX);
                try {
                    c.configureBlocking(false);
                    if (!c.connect(UnixDomainSocketAddress.of(socket))) throw new IOException("connection pending");
                    c.configureBlocking(true);
                    return c;
                } catch (IOException queueFull) {
                    c.close();
                    if (System.nanoTime() > deadline) throw queueFull;
                    try {
                        Thread.sleep(10);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IOException("interrupted while connecting", e);
                    }
                }
            }
        }

        void send(String text) throws IOException {
            ByteBuffer b = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
            while (b.hasRemaining()) ch.write(b);
        }

        JsonNode reply() throws Exception {
            String line = readLine(REPLY);
            if (line == null) throw new AssertionError("the daemon closed the connection instead of replying");
            return Json.MAPPER.readTree(line);
        }

        /** The next line, or null when the daemon closed the connection. */
        String readLine(Duration timeout) throws Exception {
            CompletableFuture<String> next = new CompletableFuture<>();
            Thread.ofVirtual().start(() -> {
                try {
                    next.complete(lines.readLine());
                } catch (IOException e) {
                    next.complete(null);
                }
            });
            try {
                return next.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                throw new AssertionError("no reply within " + timeout.toSeconds() + " s");
            }
        }

        @Override
        public void close() throws IOException {
            ch.close();
        }
    }
}
