package dev.vireo.daemon.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vireo.daemon.errors.VireoError;
import dev.vireo.protocol.ops.Request;

import java.util.HashMap;
import java.util.Map;

/**
 * The daemon's operations, one handler per request record ({@code dev.vireo.protocol.ops}):
 * {@code ops.handle(DomState.class, this::domState)}. The record's type says the operation's name
 * and arguments; the handler gets the record, already checked ({@link RequestBinding}).
 * Registration happens at start, before clients connect; the dispatcher then only reads.
 */
public final class Operations {
    private final Map<String, Bound> byName = new HashMap<>();

    /** An operation as the dispatcher runs it: the request's {@code args} object in, its result out. */
    record Bound(boolean opensStream, Invocation invocation) {
    }

    @FunctionalInterface
    interface Invocation {
        JsonNode invoke(JsonNode args, Session session) throws RpcException, VireoError;
    }

    public <R extends Request> void handle(Class<R> type, Handler<R> handler) {
        RequestBinding<R> binding = RequestBinding.of(type);
        add(binding, false, (args, session) -> handler.handle(binding.bind(args)));
    }

    public <R extends Request> void handleInSession(Class<R> type, Handler.InSession<R> handler) {
        RequestBinding<R> binding = RequestBinding.of(type);
        add(binding, false, (args, session) -> handler.handle(binding.bind(args), session));
    }

    /**
     * An operation whose success turns its connection into a stream: the handler calls
     * {@link Session#openStream} before it returns. The connection's reader learns it from the
     * registration, before the operation runs, and so reads no further line once it has handed the
     * request over.
     */
    public <R extends Request> void stream(Class<R> type, Handler.InSession<R> handler) {
        RequestBinding<R> binding = RequestBinding.of(type);
        add(binding, true, (args, session) -> handler.handle(binding.bind(args), session));
    }

    /** The operation with that wire name, or null. */
    Bound get(String op) {
        return byName.get(op);
    }

    private void add(RequestBinding<?> binding, boolean opensStream, Invocation invocation) {
        if (byName.putIfAbsent(binding.op(), new Bound(opensStream, invocation)) != null) {
            throw new IllegalStateException("operation '" + binding.op() + "' is registered twice");
        }
    }
}
