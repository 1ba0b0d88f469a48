package dev.vireo.storage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Positional reads from an image file for one format's reader. Every read names the header field
 * it is for, so a short file or an offset beyond the end is reported as "field X is truncated"
 * rather than as a buffer exception. The first {@value #PREFETCH} bytes, where headers, extensions
 * and backing names usually live, are read with one system call; reads beyond go to the file.
 */
final class HeaderBytes {

    private static final int PREFETCH = 4096;

    private final Path path;
    private final FileChannel channel;
    private final ImageFormat format;
    private final ByteOrder order;
    private final long fileSize;
    private final ByteBuffer prefix;

    HeaderBytes(Path path, FileChannel channel, ImageFormat format, ByteOrder order) throws IOException {
        this.path = path;
        this.channel = channel;
        this.format = format;
        this.order = order;
        this.fileSize = channel.size();
        this.prefix = ByteBuffer.allocate((int) Math.min(PREFETCH, fileSize));
        while (prefix.hasRemaining() && channel.read(prefix, prefix.position()) >= 0) {
            // a positional read may return fewer bytes than asked
        }
        prefix.flip();
    }

    long fileSize() {
        return fileSize;
    }

    /** Exactly {@code length} bytes at {@code offset}, or a refusal naming {@code field}. */
    ByteBuffer read(long offset, int length, String field) throws ImageHeaderException {
        if (offset < 0 || offset + length > fileSize) {
            throw invalid(field, "truncated: needs bytes " + offset + ".." + (offset + length)
                    + " but the file has " + fileSize + " bytes");
        }
        ByteBuffer buffer = ByteBuffer.allocate(length).order(order);
        if (offset + length <= prefix.limit()) {
            return buffer.put(0, prefix, (int) offset, length);
        }
        try {
            while (buffer.hasRemaining()) {
                int n = channel.read(buffer, offset + buffer.position());
                if (n < 0) {
                    throw invalid(field, "truncated: end of file at byte " + (offset + buffer.position()));
                }
            }
        } catch (IOException e) {
            throw new ImageHeaderException(path, format, field, "cannot be read: " + e.getMessage(), e);
        }
        return buffer.flip();
    }

    int u8(long offset, String field) throws ImageHeaderException {
        return Byte.toUnsignedInt(read(offset, 1, field).get());
    }

    long u32(long offset, String field) throws ImageHeaderException {
        return Integer.toUnsignedLong(read(offset, 4, field).getInt());
    }

    /** A 64-bit field; values above {@link Long#MAX_VALUE} are refused since no sane offset or size is. */
    long u64(long offset, String field) throws ImageHeaderException {
        long value = read(offset, 8, field).getLong();
        if (value < 0) {
            throw invalid(field, "value " + Long.toUnsignedString(value) + " is out of range");
        }
        return value;
    }

    /** The raw 64-bit value, for bit sets and sentinels such as "all ones". */
    long bits64(long offset, String field) throws ImageHeaderException {
        return read(offset, 8, field).getLong();
    }

    String text(long offset, int length, String field) throws ImageHeaderException {
        ByteBuffer bytes = read(offset, length, field);
        return new String(bytes.array(), 0, length, StandardCharsets.UTF_8);
    }

    /** A string stored in a fixed-size area, ending at the first NUL. */
    String nulTerminated(long offset, int length, String field) throws ImageHeaderException {
        String text = text(offset, length, field);
        int nul = text.indexOf('\0');
        return nul < 0 ? text : text.substring(0, nul);
    }

    ImageHeaderException invalid(String field, String problem) {
        return new ImageHeaderException(path, format, field, problem);
    }
}
