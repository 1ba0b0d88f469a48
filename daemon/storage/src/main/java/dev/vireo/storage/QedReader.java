package dev.vireo.storage;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Reads a QED header (QEDspec: little-endian fields). QED records a backing format only in one
 * case: the "backing format no probe" feature bit says the backing file is raw.
 */
final class QedReader implements ImageReader {

    static final int MAGIC = 0x00444551; // "QED\0" read little-endian

    private static final long MIN_CLUSTER_SIZE = 4096;
    private static final long MAX_CLUSTER_SIZE = 64L * 1024 * 1024;
    private static final long MAX_TABLE_SIZE = 16;
    private static final long SECTOR = 512;

    private static final long F_BACKING_FILE = 1;
    private static final long F_NEED_CHECK = 1 << 1;
    private static final long F_BACKING_FORMAT_NO_PROBE = 1 << 2;
    private static final long F_KNOWN = F_BACKING_FILE | F_NEED_CHECK | F_BACKING_FORMAT_NO_PROBE;

    @Override
    public ImageHeader read(Path path, FileChannel channel) throws ImageHeaderException, IOException {
        HeaderBytes h = new HeaderBytes(path, channel, ImageFormat.QED, ByteOrder.LITTLE_ENDIAN);
        if ((int) h.u32(0, "magic") != MAGIC) {
            throw h.invalid("magic", "not a QED image (expected QED\\0)");
        }
        long clusterSize = h.u32(4, "cluster_size");
        if (!powerOfTwoWithin(clusterSize, MIN_CLUSTER_SIZE, MAX_CLUSTER_SIZE)) {
            throw h.invalid("cluster_size", clusterSize + " is not a power of two in "
                    + MIN_CLUSTER_SIZE + ".." + MAX_CLUSTER_SIZE);
        }
        long tableSize = h.u32(8, "table_size");
        if (!powerOfTwoWithin(tableSize, 1, MAX_TABLE_SIZE)) {
            throw h.invalid("table_size", tableSize + " is not a power of two in 1.." + MAX_TABLE_SIZE);
        }
        long headerSize = h.u32(12, "header_size");
        if (headerSize == 0) {
            throw h.invalid("header_size", "must be at least one cluster");
        }
        long features = h.bits64(16, "features");
        if ((features & ~F_KNOWN) != 0) {
            throw h.invalid("features", "unknown feature bits 0x" + Long.toHexString(features & ~F_KNOWN)
                    + " set; the image cannot be used safely");
        }
        long imageSize = h.u64(48, "image_size");
        if (imageSize % SECTOR != 0) {
            throw h.invalid("image_size", imageSize + " is not a multiple of " + SECTOR);
        }
        long maxSize = maxImageSize(clusterSize, tableSize);
        if (imageSize > maxSize) {
            throw h.invalid("image_size", imageSize + " exceeds " + maxSize + ", the most its tables can map");
        }

        boolean noProbe = (features & F_BACKING_FORMAT_NO_PROBE) != 0;
        Optional<BackingReference> backing = Optional.empty();
        if ((features & F_BACKING_FILE) != 0) {
            long offset = h.u32(56, "backing_filename_offset");
            long size = h.u32(60, "backing_filename_size");
            long headerBytes = headerSize * clusterSize;
            if (size == 0 || offset + size > headerBytes) {
                throw h.invalid("backing_filename_offset", "name at " + offset + " (+" + size
                        + " bytes) is empty or does not fit in the " + headerBytes + "-byte header");
            }
            String name = h.text(offset, (int) size, "backing_filename");
            backing = Optional.of(new BackingReference(name,
                    noProbe ? Optional.of(ImageFormat.RAW.qemuName()) : Optional.empty()));
        }
        boolean needsCheck = (features & F_NEED_CHECK) != 0;
        QedDetails details = new QedDetails(clusterSize, tableSize, headerSize, needsCheck, noProbe);
        // qemu-img reports a QED image as never dirty, need-check bit or not; the bit stays in the details
        return new ImageHeader(ImageFormat.QED, OptionalLong.of(imageSize), OptionalInt.of((int) clusterSize),
                backing, false, Optional.of(details));
    }

    private static boolean powerOfTwoWithin(long value, long min, long max) {
        return value >= min && value <= max && Long.bitCount(value) == 1;
    }

    /** Two table levels of {@code tableSize} clusters of 8-byte entries, each mapping one cluster. */
    private static long maxImageSize(long clusterSize, long tableSize) {
        long entriesPerTable = clusterSize * tableSize / 8;
        return Math.multiplyHigh(entriesPerTable * entriesPerTable, clusterSize) != 0
                ? Long.MAX_VALUE
                : entriesPerTable * entriesPerTable * clusterSize;
    }
}
