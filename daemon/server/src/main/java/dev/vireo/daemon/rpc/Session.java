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

    Session(LineChannel channel, int id) {
        this.channel = channel;
        this.id = id;
    }

    public int id() {
        return id;
    }

    public boolean isOpen() {
        return channel.channel().isOpen();
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
