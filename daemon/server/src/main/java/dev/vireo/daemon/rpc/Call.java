package dev.vireo.daemon.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vireo.protocol.ErrorCodes;

/** One request being handled: typed access to its arguments and the connection it came on. */
public record Call(String op, JsonNode args, Session session) {

    /** A required string argument. */
    public String string(String name) throws RpcException {
        JsonNode v = args.get(name);
        if (v == null || !v.isTextual()) {
            throw new RpcException(ErrorCodes.BAD_REQUEST, op + ": missing string argument '" + name + "'");
        }
        return v.asText();
    }

    /** An optional string argument, or null. */
    public String optionalString(String name) throws RpcException {
        return args.hasNonNull(name) ? string(name) : null;
    }

    public boolean flag(String name) throws RpcException {
        JsonNode v = args.get(name);
        if (v == null || v.isNull()) return false;
        if (!v.isBoolean()) throw new RpcException(ErrorCodes.BAD_REQUEST, op + ": argument '" + name + "' must be true or false");
        return v.asBoolean();
    }

    /** An optional non-negative integer argument, or -1 when absent. */
    public long optionalCount(String name) throws RpcException {
        JsonNode v = args.get(name);
        if (v == null || v.isNull()) return -1;
        if (!v.canConvertToLong() || !v.isIntegralNumber() || v.asLong() < 0) {
            throw new RpcException(ErrorCodes.BAD_REQUEST, op + ": argument '" + name + "' must be a non-negative integer");
        }
        return v.asLong();
    }
}
