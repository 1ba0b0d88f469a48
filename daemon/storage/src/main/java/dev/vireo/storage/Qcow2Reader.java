package dev.vireo.storage;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Reads a qcow2 header, versions 2 and 3 (QEMU's docs/interop/qcow2.txt). All fields are
 * big-endian. Header extensions follow the fixed header and end at the backing file name or at
 * the end of the first cluster.
 */
final class Qcow2Reader implements ImageReader {

    static final int MAGIC = 0x514649fb; // "QFI\xfb"

    private static final int V2_HEADER_LENGTH = 72;
    private static final int V3_MIN_HEADER_LENGTH = 104;
    private static final int MIN_CLUSTER_BITS = 9;
    private static final int MAX_CLUSTER_BITS = 21;
    private static final int MAX_BACKING_NAME = 1023;
    private static final long MAX_SNAPSHOTS = 65536;
    private static final int MAX_REFCOUNT_ORDER = 6;
    /** QEMU refuses L1 tables above 32 MiB. */
    private static final long MAX_L1_ENTRIES = 32L * 1024 * 1024 / 8;

    private static final long INCOMPAT_DIRTY = 1L;
    private static final long INCOMPAT_CORRUPT = 1L << 1;
    private static final long INCOMPAT_DATA_FILE = 1L << 2;
    private static final long INCOMPAT_COMPRESSION = 1L << 3;
    private static final long INCOMPAT_EXTENDED_L2 = 1L << 4;
    private static final long INCOMPAT_KNOWN = (1L << 5) - 1;
    private static final long COMPAT_LAZY_REFCOUNTS = 1L;
    private static final long AUTOCLEAR_DATA_FILE_RAW = 1L << 1;

    private static final long EXT_END = 0;
    private static final long EXT_BACKING_FORMAT = 0xE2792ACAL;
    private static final long EXT_DATA_FILE = 0x44415441L;
    /** QEMU keeps backing format names in a 16-byte buffer. */
    private static final int MAX_BACKING_FORMAT = 15;

    @Override
    public ImageHeader read(Path path, FileChannel channel) throws ImageHeaderException, IOException {
        HeaderBytes h = new HeaderBytes(path, channel, ImageFormat.QCOW2, ByteOrder.BIG_ENDIAN);
        if ((int) h.u32(0, "magic") != MAGIC) {
            throw h.invalid("magic", "not a qcow2 image (expected QFI\\xfb)");
        }
        long version = h.u32(4, "version");
        if (version != 2 && version != 3) {
            throw h.invalid("version", version + " is not supported; allowed: 2 (compat 0.10), 3 (compat 1.1)");
        }
        long backingOffset = h.u64(8, "backing_file_offset");
        long backingSize = h.u32(16, "backing_file_size");
        long clusterBits = h.u32(20, "cluster_bits");
        if (clusterBits < MIN_CLUSTER_BITS || clusterBits > MAX_CLUSTER_BITS) {
            throw h.invalid("cluster_bits", clusterBits + " is outside " + MIN_CLUSTER_BITS + ".." + MAX_CLUSTER_BITS);
        }
        long clusterSize = 1L << clusterBits;
        long size = h.u64(24, "size");
        long cryptMethod = h.u32(32, "crypt_method");
        if (cryptMethod > 2) {
            throw h.invalid("crypt_method", cryptMethod + " is unknown; allowed: 0 (none), 1 (aes), 2 (luks)");
        }
        long l1Size = h.u32(36, "l1_size");
        long snapshotCount = h.u32(60, "nb_snapshots");
        if (snapshotCount > MAX_SNAPSHOTS) {
            throw h.invalid("nb_snapshots", snapshotCount + " exceeds the limit of " + MAX_SNAPSHOTS);
        }

        long incompatible = 0, compatible = 0, autoclear = 0;
        int refcountOrder = 4;
        long headerLength = V2_HEADER_LENGTH;
        String compressionType = "zlib";
        if (version == 3) {
            incompatible = h.bits64(72, "incompatible_features");
            compatible = h.bits64(80, "compatible_features");
            autoclear = h.bits64(88, "autoclear_features");
            refcountOrder = (int) h.u32(96, "refcount_order");
            headerLength = h.u32(100, "header_length");
            if (headerLength < V3_MIN_HEADER_LENGTH) {
                throw h.invalid("header_length", headerLength + " is below the minimum of " + V3_MIN_HEADER_LENGTH);
            }
            if (headerLength > clusterSize) {
                throw h.invalid("header_length", headerLength + " exceeds the cluster size " + clusterSize);
            }
            if ((incompatible & ~INCOMPAT_KNOWN) != 0) {
                throw h.invalid("incompatible_features", "unknown feature bits 0x"
                        + Long.toHexString(incompatible & ~INCOMPAT_KNOWN) + " set; the image cannot be used safely");
            }
            if (refcountOrder > MAX_REFCOUNT_ORDER) {
                throw h.invalid("refcount_order", refcountOrder + " exceeds " + MAX_REFCOUNT_ORDER + " (64-bit refcounts)");
            }
            compressionType = compressionType(h, incompatible, headerLength);
        }
        boolean extendedL2 = (incompatible & INCOMPAT_EXTENDED_L2) != 0;
        checkL1Size(h, size, clusterBits, l1Size, extendedL2);

        long extensionsEnd = backingOffset != 0 ? backingOffset : clusterSize;
        Extensions extensions = readExtensions(h, headerLength, Math.min(extensionsEnd, clusterSize));

        Optional<BackingReference> backing = Optional.empty();
        if (backingOffset != 0) {
            if (backingSize == 0 || backingSize > MAX_BACKING_NAME) {
                throw h.invalid("backing_file_size", backingSize + " is outside 1.." + MAX_BACKING_NAME);
            }
            if (backingOffset + backingSize > clusterSize) {
                throw h.invalid("backing_file_offset", "name at " + backingOffset + " (+" + backingSize
                        + " bytes) does not fit in the first cluster of " + clusterSize + " bytes");
            }
            String name = h.text(backingOffset, (int) backingSize, "backing_file_name");
            if (name.indexOf('\0') >= 0) {
                throw h.invalid("backing_file_name", "contains a NUL byte");
            }
            backing = Optional.of(new BackingReference(name, extensions.backingFormat()));
        } else if (extensions.backingFormat().isPresent()) {
            throw h.invalid("backing format extension", "present but the image names no backing file");
        }
        boolean hasDataFile = (incompatible & INCOMPAT_DATA_FILE) != 0;
        if (hasDataFile && extensions.dataFile().isEmpty()) {
            throw h.invalid("incompatible_features", "external data file bit set but no data file name extension");
        }

        Qcow2Details details = new Qcow2Details((int) version, (int) clusterBits, l1Size, snapshotCount,
                Qcow2Encryption.values()[(int) cryptMethod], (incompatible & INCOMPAT_DIRTY) != 0,
                (incompatible & INCOMPAT_CORRUPT) != 0, extendedL2, (compatible & COMPAT_LAZY_REFCOUNTS) != 0,
                refcountOrder, compressionType, hasDataFile ? extensions.dataFile() : Optional.empty(),
                (autoclear & AUTOCLEAR_DATA_FILE_RAW) != 0);
        return new ImageHeader(ImageFormat.QCOW2, OptionalLong.of(size), OptionalInt.of((int) clusterSize),
                backing, details.dirty(), Optional.of(details));
    }

    private static String compressionType(HeaderBytes h, long incompatible, long headerLength)
            throws ImageHeaderException {
        int type = headerLength > V3_MIN_HEADER_LENGTH ? h.u8(V3_MIN_HEADER_LENGTH, "compression_type") : 0;
        boolean flagged = (incompatible & INCOMPAT_COMPRESSION) != 0;
        if (type > 1) {
            throw h.invalid("compression_type", type + " is unknown; allowed: 0 (zlib), 1 (zstd)");
        }
        if ((type != 0) != flagged) {
            throw h.invalid("compression_type", "value " + type + " disagrees with incompatible feature bit 3");
        }
        return type == 0 ? "zlib" : "zstd";
    }

    /** The L1 table must cover the virtual size, and QEMU refuses tables above 32 MiB. */
    private static void checkL1Size(HeaderBytes h, long size, long clusterBits, long l1Size, boolean extendedL2)
            throws ImageHeaderException {
        if (l1Size > MAX_L1_ENTRIES) {
            throw h.invalid("l1_size", l1Size + " entries exceed the limit of " + MAX_L1_ENTRIES);
        }
        long l2EntryBits = extendedL2 ? 4 : 3;
        long bytesPerL1Entry = 1L << (clusterBits + clusterBits - l2EntryBits);
        long needed = (size + bytesPerL1Entry - 1) / bytesPerL1Entry;
        if (l1Size < needed) {
            throw h.invalid("l1_size", l1Size + " entries cannot cover the virtual size of " + size
                    + " bytes (needs " + needed + ")");
        }
    }

    private record Extensions(Optional<String> backingFormat, Optional<String> dataFile) {
    }

    private static Extensions readExtensions(HeaderBytes h, long start, long end) throws ImageHeaderException {
        Optional<String> backingFormat = Optional.empty();
        Optional<String> dataFile = Optional.empty();
        long offset = start;
        while (true) {
            if (offset + 8 > end) {
                throw h.invalid("header extension", "extension at byte " + offset
                        + " runs past the end of the extension area at byte " + end);
            }
            long type = h.u32(offset, "header extension type");
            long length = h.u32(offset + 4, "header extension length");
            if (type == EXT_END) {
                return new Extensions(backingFormat, dataFile);
            }
            if (length > end - offset - 8) {
                throw h.invalid("header extension length", "extension 0x" + Long.toHexString(type) + " at byte "
                        + offset + " claims " + length + " bytes, past the end of the extension area at byte " + end);
            }
            if (type == EXT_BACKING_FORMAT) {
                if (length == 0 || length > MAX_BACKING_FORMAT) {
                    throw h.invalid("backing format extension", "length " + length + " is outside 1.." + MAX_BACKING_FORMAT);
                }
                backingFormat = Optional.of(h.nulTerminated(offset + 8, (int) length, "backing format extension"));
            } else if (type == EXT_DATA_FILE) {
                dataFile = Optional.of(h.nulTerminated(offset + 8, (int) length, "data file extension"));
            }
            offset += 8 + ((length + 7) & ~7L);
        }
    }
}
