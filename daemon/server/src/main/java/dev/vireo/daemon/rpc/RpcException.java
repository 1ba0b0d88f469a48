package dev.vireo.daemon.rpc;

/** An operation's refusal, sent to the client as {@code {"error":{"code":..,"message":..}}}. */
public class RpcException extends Exception {
    private final String code;

    public RpcException(String code, String message) {
        super(message);
        this.code = code;
    }

    public RpcException(String code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
