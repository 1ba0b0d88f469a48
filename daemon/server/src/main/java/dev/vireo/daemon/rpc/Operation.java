package dev.vireo.daemon.rpc;

import com.fasterxml.jackson.databind.JsonNode;

/** One RPC operation ({@code define}, {@code list}, ...): arguments in, a JSON result out. */
@FunctionalInterface
public interface Operation {
    JsonNode handle(Call call) throws RpcException;
}
