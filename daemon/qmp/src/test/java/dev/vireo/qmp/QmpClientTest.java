package dev.vireo.qmp;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vireo.process.ExitStatus;
import dev.vireo.process.OpenMode;
import dev.vireo.process.OwnedFd;
import dev.vireo.process.Signal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The client against a real, paused QEMU 7.2. */
class QmpClientTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    @TempDir
    Path dir;
    private PausedQemu qemu;
    private QmpClient client;

    @BeforeEach
    void startQemu() throws Exception {
        qemu = PausedQemu.start(dir);
        // connect() right after spawning: it must wait for QEMU to create its socket
        client = QmpClient.connect(qemu.socket);
    }

    @AfterEach
    void stopQemu() throws Exception {
        client.close();
        qemu.close();
    }

    private static <T> T poll(BlockingQueue<T> queue) throws InterruptedException {
        T item = queue.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertNotNull(item, "nothing arrived within " + WAIT);
        return item;
    }

    @Test
    void theGreetingCarriesQemusVersion() {
        QmpGreeting greeting = client.greeting();
        assertEquals(7, greeting.major());
        assertEquals(2, greeting.minor());
        assertEquals(7_002_000L, greeting.versionNumber() - greeting.micro());
        assertTrue(greeting.capabilities().contains("oob"), greeting.toString());
    }

    @Test
    void aCommandReturnsItsValue() throws Exception {
        JsonNode status = client.execute("query-status");
        assertEquals("prelaunch", status.path("status").asText());
        assertFalse(status.path("running").asBoolean());
    }

    @Test
    void errorsCarryQmpsClassAndDescription() {
        QmpCommandException unknown = assertThrows(QmpCommandException.class, () -> client.execute("no-such-command"));
        assertEquals("CommandNotFound", unknown.errorClass());
        assertEquals("The command no-such-command has not been found", unknown.description());
        assertEquals("QEMU refused 'no-such-command': The command no-such-command has not been found"
                + " (CommandNotFound)", unknown.getMessage());

        QmpCommandException badArgument = assertThrows(QmpCommandException.class,
                () -> client.execute("query-block-jobs", Map.of("bogus", 1)));
        assertEquals("GenericError", badArgument.errorClass());
        assertEquals("Parameter 'bogus' is unexpected", badArgument.description());
    }

    @Test
    void submittedCommandsCompleteLaterWithTheSameOutcomes() throws Exception {
        assertEquals("prelaunch", client.submit("query-status", null, WAIT).get(10, TimeUnit.SECONDS)
                .path("status").asText());
        ExecutionException refused = assertThrows(ExecutionException.class,
                () -> client.submit("no-such-command", null, WAIT).get(10, TimeUnit.SECONDS));
        assertEquals("CommandNotFound", assertInstanceOf(QmpCommandException.class, refused.getCause()).errorClass());
        qemu.process.kill(Signal.SIGSTOP);
        try {
            ExecutionException late = assertThrows(ExecutionException.class,
                    () -> client.submit("query-status", null, Duration.ofMillis(200)).get(10, TimeUnit.SECONDS));
            assertInstanceOf(QmpTimeoutException.class, late.getCause());
        } finally {
            qemu.process.kill(Signal.SIGCONT);
        }
    }

    @Test
    void stopAndContAreSeenAsEvents() throws Exception {
        BlockingQueue<QmpEvent> events = new LinkedBlockingQueue<>();
        try (QmpSubscription ignored = client.subscribe(Set.of(QmpEvent.STOP, QmpEvent.RESUME), events::add)) {
            client.execute("cont");
            assertEquals(QmpEvent.RESUME, poll(events).name());
            client.execute("stop");
            QmpEvent stop = poll(events);
            assertEquals(QmpEvent.STOP, stop.name());
            assertTrue(stop.data().isNull());
            assertTrue(Math.abs(Duration.between(stop.timestamp(), java.time.Instant.now()).toSeconds()) < 60);
        }
        assertEquals("paused", client.execute("query-status").path("status").asText());
    }

    @Test
    void aListenerGivenToConnectHearsTheConnectionsEvents() throws Exception {
        BlockingQueue<QmpEvent> events = new LinkedBlockingQueue<>();
        client.execute("cont");   // QEMU now runs with this client attached ...
        client.close();
        // ... and a second connection is made while events may already flow
        try (QmpClient again = QmpClient.connect(qemu.socket, QmpClient.Options.DEFAULTS, qemu.process::isAlive,
                events::add)) {
            again.execute("stop");
            assertEquals(QmpEvent.STOP, poll(events).name());
        }
    }

    @Test
    void manyCallersAtOnceEachGetTheirOwnReply() throws Exception {
        List<String> commands = List.of("query-status", "query-version", "query-fdsets", "query-name", "query-kvm");
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<JsonNode>> replies = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                String command = commands.get(i % commands.size());
                replies.add(threads.submit(() -> client.execute(command)));
            }
            for (int i = 0; i < replies.size(); i++) {
                JsonNode reply = replies.get(i).get(30, TimeUnit.SECONDS);
                switch (commands.get(i % commands.size())) {
                    case "query-status" -> assertTrue(reply.has("status"), reply.toString());
                    case "query-version" -> assertEquals(7, reply.path("qemu").path("major").asInt(), reply.toString());
                    case "query-fdsets" -> assertTrue(reply.isArray(), reply.toString());
                    case "query-name" -> assertTrue(reply.isObject() && reply.isEmpty(), reply.toString());
                    case "query-kvm" -> assertTrue(reply.has("enabled"), reply.toString());
                    default -> throw new AssertionError();
                }
            }
        }
    }

    @Test
    void aStuckListenerDelaysNeitherRepliesNorOtherListeners() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        BlockingQueue<QmpEvent> stuckSaw = new LinkedBlockingQueue<>();
        BlockingQueue<QmpEvent> other = new LinkedBlockingQueue<>();
        client.subscribe(event -> {
            stuckSaw.add(event);
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        client.subscribe(other::add);
        client.execute("cont");
        client.execute("stop");
        client.execute("cont");
        assertEquals(List.of(QmpEvent.RESUME, QmpEvent.STOP, QmpEvent.RESUME),
                List.of(poll(other).name(), poll(other).name(), poll(other).name()));
        assertEquals(QmpEvent.RESUME, poll(stuckSaw).name());
        assertTrue(stuckSaw.isEmpty(), "the stuck listener is still on its first event");
        release.countDown();
        assertEquals(QmpEvent.STOP, poll(stuckSaw).name());
        assertEquals(QmpEvent.RESUME, poll(stuckSaw).name());
    }

    @Test
    void aFileDescriptorTravelsWithAddFd() throws Exception {
        Path image = Files.writeString(dir.resolve("image.raw"), "data");
        try (OwnedFd fd = OwnedFd.open(image, OpenMode.READ_ONLY)) {
            QmpClient.AddedFd added = client.addFd(fd.fd(), 7, "vireo-test-ro");
            assertEquals(7, added.fdsetId());
            assertEquals("/dev/fdset/7", added.path());
            QmpClient.AddedFd second = client.addFd(fd.fd(), null, null);
            assertTrue(second.fdsetId() != 7);

            JsonNode sets = client.execute("query-fdsets");
            JsonNode set7 = null;
            for (JsonNode set : sets) {
                if (set.path("fdset-id").asInt() == 7) {
                    set7 = set;
                }
            }
            assertNotNull(set7, sets.toString());
            assertEquals(added.fd(), set7.path("fds").get(0).path("fd").asInt());
            assertEquals("vireo-test-ro", set7.path("fds").get(0).path("opaque").asText());
            // QEMU holds a copy of the same open file
            Path inQemu = Path.of("/proc", Long.toString(qemu.process.pid()), "fd", Integer.toString(added.fd()));
            assertEquals(image, Files.readSymbolicLink(inQemu));
            assertTrue(fd.fd() > 2, "our own fd stays open");
        }
        // the fd went with that one command only
        QmpCommandException noFd = assertThrows(QmpCommandException.class, () -> client.execute("add-fd"));
        assertEquals("No file descriptor supplied via SCM_RIGHTS", noFd.description());
    }

    /** What issue 5 does at run time (snapshot and mirror targets): QEMU opens an image it never saw by path. */
    @Test
    void anImagePassedAsAnFdSetOpensAsABlockNode() throws Exception {
        Path image = dir.resolve("target.qcow2");
        Process create = new ProcessBuilder("qemu-img", "create", "-q", "-f", "qcow2", image.toString(), "8M")
                .inheritIO().start();
        assertEquals(0, create.waitFor());
        try (OwnedFd ro = OwnedFd.open(image, OpenMode.READ_ONLY);
             OwnedFd rw = OwnedFd.open(image, OpenMode.READ_WRITE)) {
            QmpClient.AddedFd set = client.addFd(ro.fd(), null, "target-ro");
            client.addFd(rw.fd(), set.fdsetId(), "target-rw");
            client.execute("blockdev-add", QmpClient.JSON.readTree("""
                    {"driver": "qcow2", "node-name": "target",
                     "file": {"driver": "file", "filename": "%s"}}""".formatted(set.path())));
        }
        JsonNode nodes = client.execute("query-named-block-nodes");
        JsonNode target = null;
        for (JsonNode node : nodes) {
            if (node.path("node-name").asText().equals("target")) {
                target = node;
            }
        }
        assertNotNull(target, nodes.toString());
        assertEquals("qcow2", target.path("drv").asText());
        assertFalse(target.path("ro").asBoolean());
        assertEquals(8L << 20, target.path("image").path("virtual-size").asLong());
    }

    @Test
    void getFdNamesADescriptorInsideQemu() throws Exception {
        try (OwnedFd fd = OwnedFd.open(Files.writeString(dir.resolve("f"), ""), OpenMode.READ_WRITE)) {
            client.getFd("vireo-fd", fd.fd());
        }
        client.execute("closefd", Map.of("fdname", "vireo-fd"));
        QmpCommandException again = assertThrows(QmpCommandException.class,
                () -> client.execute("closefd", Map.of("fdname", "vireo-fd")));
        assertEquals("File descriptor named 'vireo-fd' not found", again.description());
    }

    @Test
    void passThroughReturnsQemusWholeReply() throws Exception {
        JsonNode ok = client.passThrough(QmpClient.JSON.readTree("{\"execute\":\"query-status\",\"id\":\"mine\"}"), WAIT);
        assertEquals("prelaunch", ok.path("return").path("status").asText());
        assertFalse(ok.has("id"));
        JsonNode error = client.passThrough(QmpClient.JSON.readTree("{\"execute\":\"nope\"}"), WAIT);
        assertEquals("CommandNotFound", error.path("error").path("class").asText());
        QmpProtocolException notACommand = assertThrows(QmpProtocolException.class,
                () -> client.passThrough(QmpClient.JSON.readTree("[1]"), WAIT));
        assertEquals("a QMP command must be a JSON object with an \"execute\" string, got [1]", notACommand.getMessage());
    }

    @Test
    void aCommandTimesOutAndTheConnectionStaysUsable() throws Exception {
        qemu.process.kill(Signal.SIGSTOP);
        try {
            QmpTimeoutException e = assertThrows(QmpTimeoutException.class,
                    () -> client.execute("query-status", null, Duration.ofMillis(200)));
            assertEquals("QEMU did not answer 'query-status' within 200 ms", e.getMessage());
        } finally {
            qemu.process.kill(Signal.SIGCONT);
        }
        assertEquals("prelaunch", client.execute("query-status").path("status").asText());
    }

    @Test
    void whenQemuDiesEveryWaitingCallerAndListenerHearsOfIt() throws Exception {
        BlockingQueue<QmpClosedException> closes = new LinkedBlockingQueue<>();
        client.subscribe(new QmpEventListener() {
            @Override
            public void onEvent(QmpEvent event) {
            }

            @Override
            public void onClose(QmpClosedException reason) {
                closes.add(reason);
            }
        });
        qemu.process.kill(Signal.SIGSTOP);   // it cannot answer: the commands below stay waiting
        List<CompletableFuture<JsonNode>> waiting = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            waiting.add(client.submit("query-status", null, Duration.ofMinutes(5)));
        }
        qemu.process.kill(Signal.SIGKILL);
        assertInstanceOf(ExitStatus.Killed.class, qemu.process.onExit().get(10, TimeUnit.SECONDS));
        for (CompletableFuture<JsonNode> reply : waiting) {
            ExecutionException e = assertThrows(ExecutionException.class, () -> reply.get(10, TimeUnit.SECONDS));
            assertInstanceOf(QmpClosedException.class, e.getCause());
        }
        QmpClosedException reason = poll(closes);
        assertTrue(reason.getMessage().contains(qemu.socket.toString()), reason.getMessage());
        assertEquals(reason, client.onClose().get(10, TimeUnit.SECONDS));
        assertFalse(client.isOpen());
        assertThrows(QmpClosedException.class, () -> client.execute("query-status"));
        // a late subscriber is told at once
        BlockingQueue<QmpClosedException> late = new LinkedBlockingQueue<>();
        client.subscribe(new QmpEventListener() {
            @Override
            public void onEvent(QmpEvent event) {
            }

            @Override
            public void onClose(QmpClosedException r) {
                late.add(r);
            }
        });
        assertEquals(reason, poll(late));
    }

    @Test
    void closingTheClientFailsWaitingCallersAndLeavesQemuRunning() throws Exception {
        qemu.process.kill(Signal.SIGSTOP);
        CompletableFuture<JsonNode> reply = client.submit("query-status", null, Duration.ofMinutes(5));
        client.close();
        ExecutionException e = assertThrows(ExecutionException.class, () -> reply.get(10, TimeUnit.SECONDS));
        assertEquals("QMP connection to " + qemu.socket + " closed by the client", e.getCause().getMessage());
        qemu.process.kill(Signal.SIGCONT);
        assertTrue(qemu.process.isAlive());
        try (QmpClient again = QmpClient.connect(qemu.socket)) {
            assertEquals("prelaunch", again.execute("query-status").path("status").asText());
        }
    }

    @Test
    void quitEndsQemuAndTheConnection() throws Exception {
        BlockingQueue<QmpEvent> events = new LinkedBlockingQueue<>();
        client.subscribe(Set.of(QmpEvent.SHUTDOWN), events::add);
        try {
            client.execute("quit");
        } catch (QmpClosedException raced) {
            // QEMU may close the socket before its reply is read: the connection's end is what counts
        }
        assertEquals("host-qmp-quit", poll(events).data().path("reason").asText());
        assertNotNull(client.onClose().get(10, TimeUnit.SECONDS));
        assertEquals(new ExitStatus.Exited(0), qemu.process.onExit().get(10, TimeUnit.SECONDS));
    }
}
