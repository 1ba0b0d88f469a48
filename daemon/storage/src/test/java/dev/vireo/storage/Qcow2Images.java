package dev.vireo.storage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Edits qcow2 headers made by qemu-img into shapes qemu-img no longer writes, or broken ones. */
final class Qcow2Images {

    private static final int BACKING_FORMAT_EXTENSION = 0xE2792ACA;
    private static final int VERSION3_HEADER_LENGTH_OFFSET = 100;

    private Qcow2Images() {
    }

    /**
     * Turns the backing format extension into the end-of-extensions marker, as in an image made by
     * an old QEMU without -F: the header names a backing file but not its format.
     */
    static void dropBackingFormatExtension(Path image) throws IOException {
        try (FileChannel channel = FileChannel.open(image, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            ByteBuffer header = ByteBuffer.allocate(4096);
            channel.read(header, 0);
            int offset = header.getInt(4) == 3 ? header.getInt(VERSION3_HEADER_LENGTH_OFFSET) : 72;
            while (header.getInt(offset) != 0) {
                if (header.getInt(offset) == BACKING_FORMAT_EXTENSION) {
                    channel.write(ByteBuffer.allocate(8), offset);
                    return;
                }
                offset += 8 + ((header.getInt(offset + 4) + 7) & ~7);
            }
            throw new IllegalStateException(image + " has no backing format extension");
        }
    }

    /** Overwrites {@code bytes.length} bytes at {@code offset}. */
    static void patch(Path image, long offset, byte... bytes) throws IOException {
        try (FileChannel channel = FileChannel.open(image, StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.wrap(bytes), offset);
        }
    }

    static void truncate(Path image, long size) throws IOException {
        try (FileChannel channel = FileChannel.open(image, StandardOpenOption.WRITE)) {
            channel.truncate(size);
        }
    }
}
