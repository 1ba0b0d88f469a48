package dev.vireo.daemon.rpc;

import java.io.IOException;

/**
 * The daemon's end of a stream an operation opened ({@link Session#openStream}), e.g. a guest's
 * console. Once the operation's reply is sent, the connection carries the stream (see
 * {@link dev.vireo.protocol.StreamFrames}): one thread runs {@link #pump}, another hands it what the
 * client sends ({@link #received}) and then calls {@link #clientEnded} exactly once.
 */
public interface ByteStream {
    /** Where {@link #pump} sends the target's bytes to the client. */
    @FunctionalInterface
    interface Output {
        void send(byte[] bytes, int off, int len) throws IOException;
    }

    /**
     * Sends what the target produces until the stream ends (the target closed, the client ended,
     * the stream was taken over).
     *
     * @return why it ended: empty for a normal end, else the reason the client is told
     */
    String pump(Output out) throws IOException;

    /** Bytes from the client, for the target. */
    void received(byte[] bytes) throws IOException;

    /** The client ended the stream or hung up: {@link #pump} returns soon. Called once, at the very end. */
    void clientEnded();

    /** The reply that opens the stream could not be sent: nothing runs, the stream releases what it holds. */
    void abandon();
}
