package dev.vireo.daemon.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vireo.daemon.errors.VireoError;
import dev.vireo.protocol.ops.Request;

/**
 * What the daemon does for one operation: its request record in, a JSON result out. A request the
 * handler cannot take as it is is an {@link RpcException}; what the daemon refuses or fails to do
 * is a {@link VireoError}, mapped to its wire code by {@link ErrorReplies}.
 */
@FunctionalInterface
public interface Handler<R extends Request> {
    JsonNode handle(R request) throws RpcException, VireoError;

    /** A handler that needs the connection its request came on (events, streams). */
    @FunctionalInterface
    interface InSession<R extends Request> {
        JsonNode handle(R request, Session session) throws RpcException, VireoError;
    }
}
