package dev.vireo.daemon.rpc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vireo.daemon.Json;
import dev.vireo.daemon.Log;
import dev.vireo.daemon.calls.CallContext;
import dev.vireo.daemon.errors.VireoError;
import dev.vireo.protocol.ErrorCodes;

/** Turns one request line into its reply: parse, check, run the operation, map its errors to codes. */
final class Dispatcher {
    /** One JSON value a line: text after it is refused, not silently dropped. */
    private static final ObjectReader STRICT = Json.MAPPER.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final Operations operations;

    Dispatcher(Operations operations) {
        this.operations = operations;
    }

    /** Whether this request line asks for an operation that opens a stream (see {@link Operations#stream}). */
    boolean opensStream(String line) {
        try {
            JsonNode request = STRICT.readTree(line);
            Operations.Bound operation = request == null ? null : operations.get(request.path("op").asText(""));
            return operation != null && operation.opensStream();
        } catch (JsonProcessingException malformed) {
            return false;
        }
    }

    JsonNode answer(String line, Session session) {
        JsonNode request;
        try {
            request = STRICT.readTree(line);
        } catch (JsonProcessingException e) {
            String why = e.getOriginalMessage();
            if (why != null && why.startsWith("Trailing token")) {
                why = "text after the request's JSON value (one request per line)";
            }
            return error(NullNode.instance, ErrorCodes.BAD_REQUEST, "malformed request: " + why);
        }
        if (request == null || !request.isObject()) {
            return error(NullNode.instance, ErrorCodes.BAD_REQUEST, "malformed request: not a JSON object");
        }
        JsonNode id = request.path("id");
        if (!(id.isMissingNode() || id.isNull() || id.isTextual() || id.isIntegralNumber())) {
            // a fraction or 1e999999 (Infinity to a double) would not come back as the client sent it
            return error(NullNode.instance, ErrorCodes.BAD_REQUEST,
                    "malformed request: the id must be an integer or a string"
                            + (id.isNumber() ? ", not a number with a fraction or an exponent" : ", not " + id.getNodeType().name().toLowerCase()));
        }
        if (id.isMissingNode()) id = NullNode.instance;
        String op = request.path("op").asText("");
        Operations.Bound operation = operations.get(op);
        if (operation == null) return error(id, ErrorCodes.BAD_REQUEST, "unknown operation '" + op + "'");
        JsonNode args = request.path("args").isObject() ? request.get("args") : JsonNodeFactory.instance.objectNode();
        try {
            JsonNode result = CallContext.call(session::callerGone, () -> operation.invocation().invoke(args, session));
            ObjectNode reply = JsonNodeFactory.instance.objectNode();
            reply.set("id", id);
            reply.set("result", result);
            return reply;
        } catch (RpcException e) {
            return error(id, e.code(), e.getMessage());
        } catch (VireoError e) {
            if (e.kind() == VireoError.Kind.CALLER_GONE) Log.info("session " + session.id() + ": " + e.getMessage());
            return error(id, ErrorReplies.codeOf(e.kind()), e.getMessage());
        } catch (RuntimeException e) {
            // one line, with the frame that threw: enough to find the bug without flooding the log
            StackTraceElement[] frames = e.getStackTrace();
            Log.warn(op + " failed unexpectedly" + (frames.length == 0 ? "" : " at " + frames[0]), e);
            return error(id, ErrorCodes.INTERNAL, op + " failed: " + e);
        } catch (Exception e) {
            throw new IllegalStateException("an operation threw an undeclared " + e, e);
        } catch (OutOfMemoryError e) {
            throw e;
        } catch (Error e) {
            // a linkage or assertion error, a stack overflow: the caller still gets an answer
            // instead of waiting on a request the daemon dropped
            StackTraceElement[] frames = e.getStackTrace();
            Log.warn(op + " failed with an error" + (frames.length == 0 ? "" : " at " + frames[0]), e);
            return error(id, ErrorCodes.INTERNAL, op + " failed: " + e);
        }
    }

    /** {@code {"id":..,"error":{"code":..,"message":..}}}; the id is null when the request's could not be read. */
    static ObjectNode error(JsonNode id, String code, String message) {
        ObjectNode reply = JsonNodeFactory.instance.objectNode();
        reply.set("id", id);
        ObjectNode error = reply.putObject("error");
        error.put("code", code);
        error.put("message", message);
        return reply;
    }
}
