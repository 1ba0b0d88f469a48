package dev.vireo.daemon.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vireo.daemon.errors.VireoError;

/**
 * One RPC operation ({@code define}, {@code list}, ...): arguments in, a JSON result out. A malformed
 * request is an {@link RpcException}; what the daemon refuses or fails to do is a {@link VireoError},
 * mapped to its wire code by {@link ErrorReplies}.
 */
@FunctionalInterface
public interface Operation {
    JsonNode handle(Call call) throws RpcException, VireoError;
}
