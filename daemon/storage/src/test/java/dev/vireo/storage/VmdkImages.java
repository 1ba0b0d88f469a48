package dev.vireo.storage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Edits of a monolithic sparse VMDK that qemu-img made, to forge the images a guest or user could hand in. */
final class VmdkImages {

    private static final int CAPACITY_OFFSET = 12;
    private static final int DESCRIPTOR_OFFSET_FIELD = 28;
    private static final int DESCRIPTOR_SIZE_FIELD = 36;
    private static final int SECTOR = 512;

    private VmdkImages() {
    }

    /** Sets the sparse header's capacity (in sectors). */
    static void setCapacity(Path image, long sectors) throws IOException {
        try (FileChannel channel = FileChannel.open(image, StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(0, sectors), CAPACITY_OFFSET);
        }
    }

    /** Replaces the embedded descriptor's text (NUL-padded to its area). */
    static void setDescriptor(Path image, String text) throws IOException {
        try (FileChannel channel = FileChannel.open(image, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            ByteBuffer header = ByteBuffer.allocate(64).order(ByteOrder.LITTLE_ENDIAN);
            channel.read(header, 0);
            long offset = header.getLong(DESCRIPTOR_OFFSET_FIELD) * SECTOR;
            int size = (int) (header.getLong(DESCRIPTOR_SIZE_FIELD) * SECTOR);
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            if (bytes.length >= size) {
                throw new IllegalArgumentException("descriptor of " + bytes.length + " bytes does not fit in " + size);
            }
            ByteBuffer area = ByteBuffer.allocate(size).put(bytes).position(0);
            channel.write(area, offset);
        }
    }

    /** The embedded descriptor's text. */
    static String descriptor(Path image) throws IOException {
        try (FileChannel channel = FileChannel.open(image, StandardOpenOption.READ)) {
            ByteBuffer header = ByteBuffer.allocate(64).order(ByteOrder.LITTLE_ENDIAN);
            channel.read(header, 0);
            ByteBuffer area = ByteBuffer.allocate((int) (header.getLong(DESCRIPTOR_SIZE_FIELD) * SECTOR));
            channel.read(area, header.getLong(DESCRIPTOR_OFFSET_FIELD) * SECTOR);
            String text = new String(area.array(), StandardCharsets.UTF_8);
            int nul = text.indexOf('\0');
            return nul < 0 ? text : text.substring(0, nul);
        }
    }
}
