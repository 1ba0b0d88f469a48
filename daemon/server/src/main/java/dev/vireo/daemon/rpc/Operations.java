package dev.vireo.daemon.rpc;

import dev.vireo.protocol.ops.Request;

import java.util.Map;

/**
 * The daemon's operations, one handler per request record ({@code dev.vireo.protocol.ops}):
 * {@code ops.handle(DomState.class, this::domState)}. The record's type says the operation's name
 * and arguments; the handler gets the record, already checked.
 */
public final class Operations {
    private final Map<String, Operation> byName;

    public Operations(Map<String, Operation> byName) {
        this.byName = byName;
    }

    public <R extends Request> void handle(Class<R> type, Handler<R> handler) {
        RequestBinding<R> binding = RequestBinding.of(type);
        add(binding, call -> handler.handle(binding.bind(call.args())));
    }

    public <R extends Request> void handleInSession(Class<R> type, Handler.InSession<R> handler) {
        RequestBinding<R> binding = RequestBinding.of(type);
        add(binding, call -> handler.handle(binding.bind(call.args()), call.session()));
    }

    /**
     * An operation whose success turns its connection into a stream: the handler calls
     * {@link Session#openStream} before it returns. The connection's reader learns it from the
     * registration, before the operation runs, and so reads no further line once it has handed the
     * request over.
     */
    public <R extends Request> void stream(Class<R> type, Handler.InSession<R> handler) {
        RequestBinding<R> binding = RequestBinding.of(type);
        add(binding, (StreamOperation) call -> handler.handle(binding.bind(call.args()), call.session()));
    }

    private void add(RequestBinding<?> binding, Operation operation) {
        if (byName.putIfAbsent(binding.op(), operation) != null) {
            throw new IllegalStateException("operation '" + binding.op() + "' is registered twice");
        }
    }
}
