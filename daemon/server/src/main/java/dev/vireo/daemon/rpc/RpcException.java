package dev.vireo.daemon.rpc;

/**
 * A request the RPC layer cannot take as it is (unknown operation, missing or mistyped argument),
 * sent to the client as {@code {"error":{"code":..,"message":..}}}. What the daemon refuses to do
 * is a {@link dev.vireo.daemon.errors.VireoError} instead.
 */
public class RpcException extends Exception {
    private final String code;

    public RpcException(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
