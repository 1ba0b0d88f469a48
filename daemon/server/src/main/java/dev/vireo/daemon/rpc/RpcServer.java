package dev.vireo.daemon.rpc;

import dev.vireo.daemon.Log;
import dev.vireo.protocol.ErrorCodes;
import dev.vireo.protocol.LineChannel;
import com.fasterxml.jackson.databind.node.NullNode;
import jdk.net.ExtendedSocketOptions;
import jdk.net.UnixDomainPrincipal;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The daemon's RPC endpoint: a Unix socket (mode 0600) that accepts only the daemon's own user
 * and root, checked with SO_PEERCRED, and serves each connection on its own virtual threads
 * ({@link Connection}).
 *
 * <p>Every resource a client can make it hold is bounded ({@link RpcLimits}): connections,
 * buffered request bytes, and time (a request begun and not finished, a reply not taken, a
 * connection left idle). When accepting fails (out of file descriptors), the accept loop backs
 * off and logs a summary rather than spinning.
 */
public final class RpcServer implements AutoCloseable {
    private static final long BACKOFF_MIN_MILLIS = 10;
    private static final long BACKOFF_MAX_MILLIS = 1000;
    private static final Duration FAILURE_REPORT_INTERVAL = Duration.ofSeconds(10);

    private final Path socket;
    private final Dispatcher dispatcher;
    private final RpcLimits limits;
    private final BufferBudget budget;
    private final Set<Connection> connections = ConcurrentHashMap.newKeySet();
    private final AtomicInteger sessionIds = new AtomicInteger();
    private volatile ServerSocketChannel server;
    private UserPrincipal owner;
    private UserPrincipal root;
    private Thread reaper;

    public RpcServer(Path socket, Operations operations) {
        this(socket, operations, RpcLimits.defaults());
    }

    public RpcServer(Path socket, Operations operations, RpcLimits limits) {
        this.socket = socket;
        this.dispatcher = new Dispatcher(operations);
        this.limits = limits;
        this.budget = new BufferBudget(limits.maxBufferedBytes());
    }

    /**
     * Binds the socket and starts accepting; returns once clients can connect. The socket's folder
     * exists already (DaemonFolders).
     */
    public void start() throws IOException {
        refuseIfAnotherDaemonListens();
        // Bound under a temporary name and renamed into place: once the socket path exists, it
        // accepts (clients and scripts wait for the file, and must not be refused meanwhile).
        Path bound = socket.resolveSibling("." + socket.getFileName() + "." + ProcessHandle.current().pid());
        Files.deleteIfExists(bound);
        server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(bound));
        Files.setPosixFilePermissions(bound, PosixFilePermissions.fromString("rw-------"));
        Files.move(bound, socket, StandardCopyOption.ATOMIC_MOVE);
        owner = Files.getOwner(socket);
        root = FileSystems.getDefault().getUserPrincipalLookupService().lookupPrincipalByName("root");
        Thread.ofPlatform().name("rpc-accept").daemon(false).start(this::acceptLoop);
        reaper = Thread.ofPlatform().name("rpc-timeouts").daemon(true).start(this::closeStuckConnections);
    }

    public Path socket() {
        return socket;
    }

    /** Connections being served now. */
    public int connectionCount() {
        return connections.size();
    }

    /** Request bytes buffered beyond each connection's free share now (max_buffered_bytes bounds it). */
    long bufferedBytes() {
        return budget.used();
    }

    /** A socket file left by a daemon that died is removed; a live daemon's is not stolen. */
    private void refuseIfAnotherDaemonListens() throws IOException {
        if (!Files.exists(socket)) return;
        if (somebodyListens(socket)) throw new IOException("another vireod is already listening on " + socket);
        Files.delete(socket);
    }

    private static boolean somebodyListens(Path socket) {
        try (SocketChannel probe = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            probe.connect(UnixDomainSocketAddress.of(socket));
            return true;
        } catch (IOException refused) {
            return false;
        }
    }

    private void acceptLoop() {
        AcceptFailures failures = new AcceptFailures();
        while (server.isOpen()) {
            SocketChannel ch;
            try {
                ch = server.accept();
            } catch (ClosedChannelException closed) {
                return;
            } catch (IOException e) {
                // e.g. EMFILE: the pending connection stays queued; retrying at once would spin
                failures.failed(e);
                continue;
            }
            failures.succeeded();
            if (connections.size() >= limits.maxClients()) {
                refuse(ch, "too many connections: vireod serves at most " + limits.maxClients()
                        + " at once (max_clients); try again later");
                continue;
            }
            LineChannel lines = new LineChannel(ch, limits.maxRequestBytes(), budget);
            Connection connection = new Connection(lines, new Session(lines, sessionIds.incrementAndGet()), dispatcher);
            connections.add(connection); // counted here, before the next accept looks at the count
            Thread.ofVirtual().name("rpc-read").start(() -> serve(connection));
        }
    }

    /** Backs off while accept fails, logging the first failure and then a count per interval. */
    private static final class AcceptFailures {
        private long backoffMillis;
        private long inInterval;
        private long intervalStart;

        void failed(IOException e) {
            long now = System.nanoTime();
            if (inInterval == 0) {
                Log.warn("accept failed (backing off up to " + BACKOFF_MAX_MILLIS + " ms between attempts): " + e.getMessage(), null);
                intervalStart = now;
            }
            inInterval++;
            if (now - intervalStart > FAILURE_REPORT_INTERVAL.toNanos()) {
                Log.warn("accept failed " + inInterval + " times in the last " + FAILURE_REPORT_INTERVAL.toSeconds()
                        + " s: " + e.getMessage(), null);
                inInterval = 1;
                intervalStart = now;
            }
            backoffMillis = backoffMillis == 0 ? BACKOFF_MIN_MILLIS : Math.min(BACKOFF_MAX_MILLIS, backoffMillis * 2);
            try {
                Thread.sleep(backoffMillis);
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
            }
        }

        void succeeded() {
            if (inInterval > 1) Log.info("accepting again after " + inInterval + " failed attempts");
            backoffMillis = 0;
            inInterval = 0;
        }
    }

    /** Tells a client it is not served (one error line, written without waiting) and closes. */
    private static void refuse(SocketChannel ch, String message) {
        try (ch) {
            ch.configureBlocking(false);
            String line = Dispatcher.error(NullNode.instance, ErrorCodes.BUSY, message) + "\n";
            ch.write(ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8)));
        } catch (IOException ignored) {
            // the client has gone already
        }
    }

    private void serve(Connection connection) {
        SocketChannel ch = connection.lines().channel();
        try {
            if (!peerAllowed(ch)) {
                connection.close();
                return;
            }
            connection.readRequests();
        } catch (IOException e) {
            if (server.isOpen() && ch.isOpen()) Log.warn("connection dropped", e);
            connection.close();
        } finally {
            connections.remove(connection);
        }
    }

    private boolean peerAllowed(SocketChannel ch) throws IOException {
        UnixDomainPrincipal peer = ch.getOption(ExtendedSocketOptions.SO_PEERCRED);
        if (peer.user().equals(owner) || peer.user().equals(root)) return true;
        Log.info("refused a connection from user " + peer.user().getName() + ": only "
                + (owner.equals(root) ? "root" : owner.getName() + " and root") + " may use this daemon");
        return false;
    }

    private void closeStuckConnections() {
        long tick = Math.clamp(Math.min(limits.idleTimeout().toMillis(), limits.requestTimeout().toMillis()) / 4, 50, 1000);
        while (server.isOpen()) {
            try {
                Thread.sleep(tick);
            } catch (InterruptedException e) {
                return;
            }
            long now = System.nanoTime();
            for (Connection c : connections) c.closeIfStuck(now, limits);
        }
    }

    /** Stops accepting, closes every connection and removes the socket file. */
    @Override
    public void close() throws IOException {
        if (server == null) return;
        server.close();
        if (reaper != null) reaper.interrupt();
        for (Connection c : connections) c.close();
        Files.deleteIfExists(socket);
    }
}
