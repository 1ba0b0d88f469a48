package dev.vireo.client;

import dev.vireo.protocol.ErrorCodes;
import dev.vireo.protocol.LineChannel;
import dev.vireo.protocol.StreamFrames;

import java.io.IOException;

/**
 * A guest's console attached through the daemon ({@link VireoClient#console}): the connection now
 * carries the device's bytes (protocol.StreamFrames). One thread reads, another may write.
 */
public final class ConsoleStream implements AutoCloseable {
    private final LineChannel channel;
    private byte[] pending = new byte[0];
    private int pendingAt;
    private volatile boolean ended;

    ConsoleStream(LineChannel channel) {
        this.channel = channel;
    }

    /**
     * Reads the guest's output.
     *
     * @return the count read, or -1 when the console ended normally (the guest stopped, or this side ended it)
     * @throws VireoException when the daemon ended it with a reason (e.g. another session took it over)
     */
    public int read(byte[] buf, int off, int len) throws IOException, VireoException {
        while (pendingAt >= pending.length) {
            StreamFrames.Frame frame;
            try {
                frame = StreamFrames.read(channel::readRaw);
            } catch (IOException e) {
                if (ended) return -1; // closed by this side meanwhile
                throw e;
            }
            switch (frame) {
                case null -> {
                    return -1;
                }
                case StreamFrames.End end -> {
                    if (end.failed()) throw new VireoException(ErrorCodes.OPERATION_FAILED, end.reason());
                    return -1;
                }
                case StreamFrames.Data data -> {
                    pending = data.bytes();
                    pendingAt = 0;
                }
            }
        }
        int n = Math.min(len, pending.length - pendingAt);
        System.arraycopy(pending, pendingAt, buf, off, n);
        pendingAt += n;
        return n;
    }

    /** Sends input to the guest. */
    public void write(byte[] bytes, int off, int len) throws IOException {
        StreamFrames.writeData(channel::writeRaw, bytes, off, len);
    }

    /** Ends the session (the daemon then closes the connection, which ends {@link #read}). */
    public void end() throws IOException {
        if (ended) return;
        ended = true;
        StreamFrames.writeEnd(channel::writeRaw, "");
    }

    @Override
    public void close() throws IOException {
        ended = true;
        channel.close();
    }
}
