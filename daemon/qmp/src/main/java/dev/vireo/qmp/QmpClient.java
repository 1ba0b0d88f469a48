package dev.vireo.qmp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.newsclub.net.unix.AFUNIXSocket;
import org.newsclub.net.unix.AFUNIXSocketAddress;
import org.newsclub.net.unix.FileDescriptorCast;

import java.io.FileDescriptor;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

/**
 * One QMP connection to one QEMU, over its Unix monitor socket.
 *
 * <p>{@link #connect} reads the greeting and negotiates {@code qmp_capabilities}; then one reader
 * thread per connection matches replies to commands by id (any number of callers may wait at
 * once), and hands events to {@link #subscribe subscribers} without ever waiting for them.
 * Commands time out; when the socket closes, for whatever reason, every waiting caller fails
 * with {@link QmpClosedException}, every subscriber hears {@link QmpEventListener#onClose}, and
 * {@link #onClose()} completes. Thread-safe.
 *
 * <p>File descriptors travel with a command as SCM_RIGHTS ancillary data ({@link #addFd},
 * {@link #getFd}), which is why this uses junixsocket rather than the JDK's Unix channels.
 */
public final class QmpClient implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();

    /**
     * @param connectTimeout  how long {@link #connect} keeps trying (QEMU creates its socket a few
     *                        ms after it starts) and waits for the greeting
     * @param commandTimeout  the default wait for a reply
     * @param maxMessageBytes the largest message accepted from QEMU; a bigger one closes the connection
     */
    public record Options(Duration connectTimeout, Duration commandTimeout, int maxMessageBytes) {
        public static final Options DEFAULTS = new Options(Duration.ofSeconds(5), Duration.ofSeconds(30), 16 << 20);

        public Options withCommandTimeout(Duration timeout) {
            return new Options(connectTimeout, timeout, maxMessageBytes);
        }

        public Options withConnectTimeout(Duration timeout) {
            return new Options(timeout, commandTimeout, maxMessageBytes);
        }
    }

    /** What {@code add-fd} answered: the fd set and the fd's number inside QEMU. */
    public record AddedFd(int fdsetId, int fd) {
        /** The path QEMU options take to use the set, e.g. {@code /dev/fdset/3}. */
        public String path() {
            return "/dev/fdset/" + fdsetId;
        }
    }

    private final Path socketPath;
    private final AFUNIXSocket socket;
    private final OutputStream out;
    private final LineReader reader;
    private final Options options;
    private final QmpGreeting greeting;
    private final AtomicLong ids = new AtomicLong();
    private final Map<Long, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final CopyOnWriteArrayList<QmpSubscription> subscriptions = new CopyOnWriteArrayList<>();
    private final CompletableFuture<QmpClosedException> closed = new CompletableFuture<>();
    private final AtomicBoolean closing = new AtomicBoolean();
    private final Object writeLock = new Object();
    /**
     * Writes asked for on virtual threads run here instead. On a virtual thread junixsocket
     * switches the socket to its non-blocking poller, and under load a write then fails with
     * EAGAIN ("Resource temporarily unavailable"); a platform thread blocks as a socket should.
     */
    private final ExecutorService writer;
    /** Where async callers' continuations run, so that none of them can stall the reader. */
    private final Executor callbacks = Executors.newVirtualThreadPerTaskExecutor();

    private QmpClient(Path socketPath, AFUNIXSocket socket, Options options, QmpEventListener firstListener)
            throws IOException {
        this.socketPath = socketPath;
        this.socket = socket;
        this.options = options;
        this.out = socket.getOutputStream();
        this.writer = Executors.newSingleThreadExecutor(
                Thread.ofPlatform().daemon().name("vireo-qmp-writer " + socketPath).factory());
        this.reader = new LineReader(socket.getInputStream(), options.maxMessageBytes());
        this.greeting = handshake();
        if (firstListener != null) {
            subscribe(firstListener);   // before the reader starts: not one event can slip past it
        }
        Thread.ofPlatform().daemon().name("vireo-qmp-reader " + socketPath).start(this::readLoop);
    }

    public static QmpClient connect(Path socket) throws IOException, InterruptedException {
        return connect(socket, Options.DEFAULTS, () -> true);
    }

    public static QmpClient connect(Path socket, Options options) throws IOException, InterruptedException {
        return connect(socket, options, () -> true);
    }

    /**
     * Connects, retrying while the socket does not exist or refuses (QEMU still starting), until
     * {@code options.connectTimeout()} or until {@code peerAlive} says QEMU is gone (pass the
     * process's liveness, so that a QEMU that failed on its command line is not waited for);
     * then reads the greeting and negotiates capabilities.
     *
     * @throws QmpClosedException   when {@code peerAlive} turned false first
     * @throws IOException          naming the socket and the last reason when it cannot connect in time
     * @throws QmpProtocolException when the peer does not greet like QEMU
     */
    public static QmpClient connect(Path socket, Options options, BooleanSupplier peerAlive)
            throws IOException, InterruptedException {
        return connect(socket, options, peerAlive, null);
    }

    /**
     * Like {@link #connect(Path, Options, BooleanSupplier)}, with {@code listener} subscribed to
     * every event before the connection reads its first one (a guest found again after a daemon
     * restart may shut down at any moment: its SHUTDOWN must not fall between connect and subscribe).
     */
    public static QmpClient connect(Path socket, Options options, BooleanSupplier peerAlive,
                                    QmpEventListener listener) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + options.connectTimeout().toNanos();
        AFUNIXSocketAddress address = AFUNIXSocketAddress.of(socket);
        while (true) {
            // not AFUNIXSocket.connectTo: it leaves a refused attempt's socket open until a GC
            AFUNIXSocket s = AFUNIXSocket.newInstance();
            try {
                s.connect(address);
            } catch (SocketException e) {
                s.close();
                if (!peerAlive.getAsBoolean()) {
                    throw new QmpClosedException("the process serving " + socket
                            + " ended before its QMP socket accepted a connection", e);
                }
                if (System.nanoTime() > deadline) {
                    throw new IOException("cannot connect to QMP socket " + socket + " within "
                            + options.connectTimeout().toMillis() + " ms: " + e.getMessage(), e);
                }
                Thread.sleep(5);
                continue;
            }
            try {
                return new QmpClient(socket, s, options, listener);
            } catch (IOException | RuntimeException e) {
                s.close();
                throw e;
            }
        }
    }

    private QmpGreeting handshake() throws IOException {
        socket.setSoTimeout((int) Math.max(1, options.connectTimeout().toMillis()));
        try {
            QmpGreeting parsed = QmpGreeting.parse(readHandshakeMessage("greeting"));
            writeLine(JSON.createObjectNode().put("execute", "qmp_capabilities"), null);
            JsonNode reply = readHandshakeMessage("reply to qmp_capabilities");
            // QEMU 7.2 may greet twice when a client connects while its monitor is still being
            // set up (the chardev reports "opened" twice): a second greeting is not the reply
            if (reply.has("QMP")) reply = readHandshakeMessage("reply to qmp_capabilities");
            if (!reply.has("return")) {
                JsonNode error = reply.path("error");
                throw new QmpCommandException("qmp_capabilities", error.path("class").asText("?"),
                        error.path("desc").asText(reply.toString()));
            }
            socket.setSoTimeout(0);
            return parsed;
        } catch (SocketTimeoutException e) {
            throw new QmpProtocolException("no QMP greeting on " + socketPath + " within "
                    + options.connectTimeout().toMillis() + " ms", e);
        }
    }

    private JsonNode readHandshakeMessage(String what) throws IOException {
        byte[] line = reader.next();
        if (line == null) {
            throw new QmpProtocolException("QMP socket " + socketPath + " closed before the " + what);
        }
        return parse(line);
    }

    private static JsonNode parse(byte[] line) throws QmpProtocolException {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            throw new QmpProtocolException("unparsable QMP message: " + e.getMessage(), e);
        }
    }

    public QmpGreeting greeting() {
        return greeting;
    }

    public Path socketPath() {
        return socketPath;
    }

    /** Runs a command without arguments and returns its {@code return} value. */
    public JsonNode execute(String command) throws QmpException, InterruptedException {
        return execute(command, (JsonNode) null);
    }

    /** Runs a command; {@code arguments} become its {@code arguments} object. */
    public JsonNode execute(String command, Map<String, ?> arguments) throws QmpException, InterruptedException {
        return execute(command, (JsonNode) JSON.valueToTree(arguments));
    }

    public JsonNode execute(String command, JsonNode arguments) throws QmpException, InterruptedException {
        return execute(command, arguments, options.commandTimeout());
    }

    /**
     * Runs a command and waits for its reply.
     *
     * @return the reply's {@code return} value
     * @throws QmpCommandException when QEMU answers with an error (its class and desc)
     * @throws QmpTimeoutException when no reply came within {@code timeout}
     * @throws QmpClosedException  when the connection is or gets closed
     */
    public JsonNode execute(String command, JsonNode arguments, Duration timeout)
            throws QmpException, InterruptedException {
        return returnValue(command, await(send(message(command, arguments), command, null), timeout));
    }

    /** Like {@link #execute(String, JsonNode, Duration)}, without waiting; never completes on the reader. */
    public CompletableFuture<JsonNode> submit(String command, JsonNode arguments, Duration timeout) {
        return timed(send(message(command, arguments), command, null), timeout).thenApplyAsync(reply -> {
            try {
                return returnValue(command, reply);
            } catch (QmpCommandException e) {
                throw new CompletionException(e);
            }
        }, callbacks);
    }

    /**
     * Sends a command object as a user wrote it (for {@code qemu-monitor-command}) and returns
     * QEMU's whole reply, {@code return} or {@code error} alike, without our id.
     *
     * @throws QmpProtocolException when {@code command} is not an object with an "execute" string
     */
    public JsonNode passThrough(JsonNode command, Duration timeout) throws QmpException, InterruptedException {
        if (!command.isObject() || !command.path("execute").isTextual()) {
            throw new QmpProtocolException("a QMP command must be a JSON object with an \"execute\" string, got "
                    + command);
        }
        ObjectNode copy = ((ObjectNode) command).deepCopy();
        copy.remove("id");
        ObjectNode reply = (ObjectNode) await(send(copy, copy.get("execute").asText(), null), timeout).deepCopy();
        reply.remove("id");
        return reply;
    }

    /**
     * Hands QEMU a copy of {@code fd} with {@code add-fd}; the caller keeps its own fd.
     *
     * @param fdsetId the set to add to, or null for a new one
     * @param opaque  a note QEMU keeps with the fd (shown by query-fdsets), or null
     */
    public AddedFd addFd(int fd, Integer fdsetId, String opaque) throws QmpException, InterruptedException {
        ObjectNode arguments = JSON.createObjectNode();
        if (fdsetId != null) {
            arguments.put("fdset-id", fdsetId);
        }
        if (opaque != null) {
            arguments.put("opaque", opaque);
        }
        JsonNode result = executeWithFd("add-fd", arguments, fd);
        return new AddedFd(result.path("fdset-id").asInt(), result.path("fd").asInt());
    }

    /** Hands QEMU a copy of {@code fd} under a name ({@code getfd}), e.g. for a migration target. */
    public void getFd(String name, int fd) throws QmpException, InterruptedException {
        executeWithFd("getfd", JSON.createObjectNode().put("fdname", name), fd);
    }

    /** Runs a command that takes a file descriptor, sending a copy of {@code fd} along with it. */
    public JsonNode executeWithFd(String command, JsonNode arguments, int fd) throws QmpException, InterruptedException {
        FileDescriptor descriptor;
        try {
            descriptor = FileDescriptorCast.unsafeUsing(fd).getFileDescriptor();
        } catch (IOException e) {
            throw new QmpProtocolException("cannot pass fd " + fd + ": " + e.getMessage(), e);
        }
        return returnValue(command,
                await(send(message(command, arguments), command, descriptor), options.commandTimeout()));
    }

    /** Every event, until the subscription or the connection closes. */
    public QmpSubscription subscribe(QmpEventListener listener) {
        return subscribe(Set.of(), listener);
    }

    /**
     * Events with these names only (all when empty). A subscription made on a closed connection
     * hears {@link QmpEventListener#onClose} at once.
     */
    public QmpSubscription subscribe(Set<String> eventNames, QmpEventListener listener) {
        QmpSubscription subscription = new QmpSubscription(eventNames, listener, subscriptions::remove);
        subscriptions.add(subscription);
        QmpClosedException reason = closed.getNow(null);
        if (reason != null && subscriptions.remove(subscription)) {
            subscription.connectionClosed(reason);
        }
        return subscription;
    }

    /** Completes, with the reason, once the connection is closed. */
    public CompletableFuture<QmpClosedException> onClose() {
        return closed.copy();
    }

    public boolean isOpen() {
        return !closing.get();
    }

    /** Closes the connection; waiting callers fail with {@link QmpClosedException}. QEMU keeps running. */
    @Override
    public void close() {
        shutdown(new QmpClosedException("QMP connection to " + socketPath + " closed by the client", null));
    }

    // No "arguments" member at all when there are none: QEMU reads QMP input a byte at a time,
    // so every byte sent costs it time (see docs/qmp.md).
    private static ObjectNode message(String command, JsonNode arguments) {
        ObjectNode message = JSON.createObjectNode().put("execute", command);
        if (arguments != null && !arguments.isNull() && !(arguments.isObject() && arguments.isEmpty())) {
            message.set("arguments", arguments);
        }
        return message;
    }

    /** A command on its way: its id, and the future the reader completes with the whole reply. */
    private record Sent(long id, String command, CompletableFuture<JsonNode> reply) {
    }

    private Sent send(ObjectNode message, String command, FileDescriptor fd) {
        long id = ids.incrementAndGet();
        message.put("id", id);
        CompletableFuture<JsonNode> reply = new CompletableFuture<>();
        pending.put(id, reply);
        QmpClosedException reason = closed.getNow(null);
        if (reason != null) {
            pending.remove(id);
            reply.completeExceptionally(reason);
            return new Sent(id, command, reply);
        }
        try {
            writeLine(message, fd);
        } catch (IOException e) {
            pending.remove(id);
            QmpClosedException failure = new QmpClosedException("cannot send '" + command + "' to " + socketPath
                    + ": " + e.getMessage(), e);
            reply.completeExceptionally(failure);
            shutdown(failure);
            return new Sent(id, command, reply);
        }
        return new Sent(id, command, reply);
    }

    private void writeLine(ObjectNode message, FileDescriptor fd) throws IOException {
        byte[] json = JSON.writeValueAsBytes(message);
        byte[] line = Arrays.copyOf(json, json.length + 1);
        line[json.length] = '\n';
        if (!Thread.currentThread().isVirtual()) {
            writeNow(line, fd);
            return;
        }
        try {
            writer.submit(() -> {
                writeNow(line, fd);
                return null;
            }).get();
        } catch (RejectedExecutionException e) {
            throw new IOException("the connection is closed", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while sending to " + socketPath);
        }
    }

    private void writeNow(byte[] line, FileDescriptor fd) throws IOException {
        synchronized (writeLock) {
            if (fd != null) {
                socket.setOutboundFileDescriptors(fd);
            }
            try {
                out.write(line);
                out.flush();
            } finally {
                if (fd != null) {
                    socket.setOutboundFileDescriptors((FileDescriptor[]) null);
                }
            }
        }
    }

    /**
     * Waits for the reply. The waiting caller enforces its own timeout (a timed park), so a
     * command costs no timer task and no extra thread wake-up.
     */
    private JsonNode await(Sent sent, Duration timeout) throws QmpException, InterruptedException {
        try {
            return sent.reply().get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            pending.remove(sent.id(), sent.reply());
            throw new QmpTimeoutException(sent.command(), timeout);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof QmpException q) {
                throw q;
            }
            throw new IllegalStateException("unexpected failure of a QMP command", e.getCause());
        }
    }

    /** The asynchronous variant: a timer (cancelled by the reply) completes it on timeout. */
    private CompletableFuture<JsonNode> timed(Sent sent, Duration timeout) {
        return sent.reply().orTimeout(timeout.toNanos(), TimeUnit.NANOSECONDS).exceptionallyCompose(failure -> {
            if (failure instanceof TimeoutException) {
                pending.remove(sent.id(), sent.reply());
                return CompletableFuture.failedFuture(new QmpTimeoutException(sent.command(), timeout));
            }
            return CompletableFuture.failedFuture(failure);
        });
    }

    private static JsonNode returnValue(String command, JsonNode reply) throws QmpCommandException {
        JsonNode error = reply.get("error");
        if (error != null) {
            throw new QmpCommandException(command, error.path("class").asText("?"), error.path("desc").asText(""));
        }
        return reply.path("return");
    }

    private void readLoop() {
        QmpClosedException reason;
        try {
            byte[] line;
            while ((line = reader.next()) != null) {
                dispatch(parse(line));
            }
            reason = new QmpClosedException("QEMU closed the QMP connection on " + socketPath, null);
        } catch (QmpProtocolException e) {
            reason = new QmpClosedException(e.getMessage() + " (" + socketPath + ")", e);
        } catch (IOException e) {
            reason = new QmpClosedException("QMP connection on " + socketPath + " failed: " + e.getMessage(), e);
        }
        shutdown(reason);
    }

    private void dispatch(JsonNode message) {
        if (message.has("event")) {
            QmpEvent event = QmpEvent.parse(message);
            for (QmpSubscription s : subscriptions) {
                s.offer(event);
            }
            return;
        }
        JsonNode id = message.get("id");
        if (id != null && id.canConvertToLong()) {
            CompletableFuture<JsonNode> reply = pending.remove(id.asLong());
            if (reply != null) {
                reply.complete(message);
            }
        }
        // Anything else (a reply whose caller timed out, or an error QEMU could not tie to an id
        // because it could not parse our JSON, which we never send) has nobody waiting for it.
    }

    private void shutdown(QmpClosedException reason) {
        if (!closing.compareAndSet(false, true)) {
            return;
        }
        writer.shutdown();
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway; the reason below says why
        }
        closed.complete(reason);
        for (Long id : pending.keySet()) {
            CompletableFuture<JsonNode> reply = pending.remove(id);
            if (reply != null) {
                reply.completeExceptionally(reason);
            }
        }
        for (QmpSubscription s : subscriptions) {
            if (subscriptions.remove(s)) {   // else a racing subscribe() already told it
                s.connectionClosed(reason);
            }
        }
    }

    @Override
    public String toString() {
        return "QMP connection to " + socketPath + (isOpen() ? "" : " (closed)");
    }
}
