package dev.vireo.daemon.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vireo.protocol.LineChannel;

import java.io.IOException;

/** One client connection, as operations see it: lets {@code subscribe} push events to it later. */
public final class Session {
    private final LineChannel channel;
    private final int id;
    private volatile boolean gone;
    private volatile boolean subscribed;
    /** The stream the operation being answered opened, taken by the connection after the reply. */
    private ByteStream stream;

    Session(LineChannel channel, int id) {
        this.channel = channel;
        this.id = id;
    }

    public int id() {
        return id;
    }

    public boolean isOpen() {
        return !gone && channel.channel().isOpen();
    }

    /** The client hung up (end of stream or a broken connection), even if a reply is still being prepared for it. */
    boolean callerGone() {
        return gone || !channel.channel().isOpen();
    }

    void markGone() {
        gone = true;
    }

    /** The client listens for events: the connection is not closed for being idle. */
    public void subscribed() {
        subscribed = true;
    }

    /**
     * Turns this connection into {@code stream} once the current operation's reply is sent (a
     * an operation registered with {@link Operations#stream} only). A connection that receives events cannot carry a stream too.
     */
    public void openStream(ByteStream stream) throws RpcException {
        if (subscribed) {
            throw new RpcException(dev.vireo.protocol.ErrorCodes.BAD_REQUEST,
                    "this connection receives events; open the stream on a connection of its own");
        }
        this.stream = stream;
    }

    /** The stream the last operation opened, or null; cleared. */
    ByteStream takeStream() {
        ByteStream s = stream;
        stream = null;
        return s;
    }

    boolean isSubscribed() {
        return subscribed;
    }

    /** Pushes {@code {"event":...}}; false when the client has gone (the caller then drops it). */
    public boolean push(JsonNode event) {
        ObjectNode msg = JsonNodeFactory.instance.objectNode();
        msg.set("event", event);
        try {
            channel.writeLine(msg.toString());
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    void reply(JsonNode message) throws IOException {
        channel.writeLine(message.toString());
    }
}
