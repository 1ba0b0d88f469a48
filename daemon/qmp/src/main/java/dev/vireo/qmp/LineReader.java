package dev.vireo.qmp;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Splits QMP's stream into messages: QEMU ends every JSON message with a newline and never puts
 * a raw newline inside one. A message longer than the cap ends the connection rather than
 * growing the buffer without bound.
 */
final class LineReader {
    private final InputStream in;
    private final int maxMessageBytes;
    private final byte[] chunk = new byte[64 * 1024];
    private int chunkStart;
    private int chunkEnd;
    private byte[] line = new byte[4096];
    private int lineLength;

    LineReader(InputStream in, int maxMessageBytes) {
        this.in = in;
        this.maxMessageBytes = maxMessageBytes;
    }

    /** The next line without its newline, or null at end of stream (a partial line is dropped). */
    byte[] next() throws IOException {
        lineLength = 0;
        while (true) {
            for (int i = chunkStart; i < chunkEnd; i++) {
                if (chunk[i] == '\n') {
                    append(chunkStart, i);
                    chunkStart = i + 1;
                    return Arrays.copyOf(line, lineLength);
                }
            }
            append(chunkStart, chunkEnd);
            chunkStart = 0;
            chunkEnd = in.read(chunk);
            if (chunkEnd < 0) {
                chunkEnd = 0;
                return null;
            }
        }
    }

    private void append(int from, int to) throws QmpProtocolException {
        int count = to - from;
        if (lineLength + count > maxMessageBytes) {
            throw new QmpProtocolException("a QMP message exceeds the limit of " + maxMessageBytes
                    + " bytes; closing the connection");
        }
        if (lineLength + count > line.length) {
            line = Arrays.copyOf(line, Math.min(maxMessageBytes, Math.max(line.length * 2, lineLength + count)));
        }
        System.arraycopy(chunk, from, line, lineLength, count);
        lineLength += count;
    }
}
