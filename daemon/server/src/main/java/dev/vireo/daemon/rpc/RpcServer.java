package dev.vireo.daemon.rpc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vireo.protocol.ErrorCodes;
import dev.vireo.daemon.Json;
import dev.vireo.daemon.errors.VireoError;
import dev.vireo.protocol.LineChannel;
import dev.vireo.daemon.Log;
import jdk.net.ExtendedSocketOptions;
import jdk.net.UnixDomainPrincipal;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The daemon's RPC endpoint: a Unix socket (mode 0600, in a folder no one else may list) that
 * accepts only the daemon's own user and root, checked with SO_PEERCRED, and serves each
 * connection on its own virtual thread: read a request line, run its operation, write the reply
 * line.
 */
public final class RpcServer implements AutoCloseable {
    private final Path socket;
    private final Map<String, Operation> operations;
    private final Set<SocketChannel> connections = ConcurrentHashMap.newKeySet();
    private final AtomicInteger sessionIds = new AtomicInteger();
    private ServerSocketChannel server;
    private UserPrincipal owner;
    private UserPrincipal root;

    public RpcServer(Path socket, Map<String, Operation> operations) {
        this.socket = socket;
        this.operations = Map.copyOf(operations);
    }

    /**
     * Binds the socket and starts accepting; returns once clients can connect. The socket's folder
     * exists already, with its final mode (DaemonFolders).
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
    }

    public Path socket() {
        return socket;
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
        while (server.isOpen()) {
            SocketChannel ch;
            try {
                ch = server.accept();
            } catch (ClosedChannelException closed) {
                return;
            } catch (IOException e) {
                Log.warn("accept failed", e);
                continue;
            }
            Thread.ofVirtual().name("rpc-" + sessionIds.get()).start(() -> serve(ch));
        }
    }

    private void serve(SocketChannel ch) {
        connections.add(ch);
        try (LineChannel lines = new LineChannel(ch)) {
            if (!peerAllowed(ch)) return;
            Session session = new Session(lines, sessionIds.incrementAndGet());
            String line;
            while ((line = lines.readLine()) != null) {
                session.reply(answer(line, session));
            }
        } catch (IOException e) {
            if (server.isOpen() && ch.isOpen()) Log.warn("connection dropped", e);
        } finally {
            connections.remove(ch);
        }
    }

    private boolean peerAllowed(SocketChannel ch) throws IOException {
        UnixDomainPrincipal peer = ch.getOption(ExtendedSocketOptions.SO_PEERCRED);
        if (peer.user().equals(owner) || peer.user().equals(root)) return true;
        Log.info("refused a connection from user " + peer.user().getName() + ": only "
                + (owner.equals(root) ? "root" : owner.getName() + " and root") + " may use this daemon");
        return false;
    }

    private JsonNode answer(String line, Session session) {
        ObjectNode reply = JsonNodeFactory.instance.objectNode();
        JsonNode request;
        try {
            request = Json.MAPPER.readTree(line);
        } catch (JsonProcessingException e) {
            return error(reply, ErrorCodes.BAD_REQUEST, "malformed request: " + e.getOriginalMessage());
        }
        reply.set("id", request.path("id"));
        String op = request.path("op").asText("");
        Operation operation = operations.get(op);
        if (operation == null) {
            return error(reply, ErrorCodes.BAD_REQUEST, "unknown operation '" + op + "'");
        }
        JsonNode args = request.path("args").isObject() ? request.get("args") : JsonNodeFactory.instance.objectNode();
        try {
            reply.set("result", operation.handle(new Call(op, args, session)));
            return reply;
        } catch (RpcException e) {
            return error(reply, e.code(), e.getMessage());
        } catch (VireoError e) {
            return error(reply, ErrorReplies.codeOf(e.kind()), e.getMessage());
        } catch (RuntimeException e) {
            // one line, with the frame that threw: enough to find the bug without flooding the log
            StackTraceElement[] frames = e.getStackTrace();
            Log.warn(op + " failed unexpectedly" + (frames.length == 0 ? "" : " at " + frames[0]), e);
            return error(reply, ErrorCodes.INTERNAL, op + " failed: " + e);
        }
    }

    private static ObjectNode error(ObjectNode reply, String code, String message) {
        ObjectNode error = reply.putObject("error");
        error.put("code", code);
        error.put("message", message);
        return reply;
    }

    /** Stops accepting, closes every connection and removes the socket file. */
    @Override
    public void close() throws IOException {
        if (server == null) return;
        server.close();
        for (SocketChannel ch : connections) ch.close();
        Files.deleteIfExists(socket);
    }
}
