package dev.vireo.storage;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Reads a VMDK image: either a hosted sparse extent ("KDMV" header, little-endian) whose text
 * descriptor is embedded, as in monolithic sparse images, or a descriptor-only text file. A VMDK
 * parent is always a VMDK (the format links deltas to VMDK parents only), so a
 * parentFileNameHint records its format implicitly.
 *
 * <p>Two of QEMU 7.2's rules decide which files it opens, and this reader follows them, not the
 * descriptor's grammar: a sparse header whose capacity is 0 and which has a descriptor is read as
 * a descriptor file (its extents are opened by name, see {@link VmdkDetails#embedded()}), and the
 * parent name is the text after the first "parentFileNameHint" in the 20 sectors at byte 512 of
 * a sparse file (byte 0 of a descriptor file), wherever that text stands, even in a comment.
 */
final class VmdkReader implements ImageReader {

    static final int SPARSE_MAGIC = 0x564d444b; // "KDMV" read little-endian
    static final String DESCRIPTOR_SIGNATURE = "# Disk DescriptorFile";

    private static final long SECTOR = 512;
    private static final long FLAG_COMPRESSED = 1L << 16;
    private static final long MAX_GRAIN_SECTORS = 0x200000;
    /** Descriptors are a few hundred bytes; QEMU reads at most 1 MiB of one. */
    private static final int MAX_DESCRIPTOR = 1 << 20;
    /** Where and how much QEMU searches for the parent name: 20 sectors at byte 512 of a sparse file. */
    private static final long SPARSE_PARENT_AREA = 512;
    private static final int PARENT_AREA_SIZE = 20 * 512;
    private static final String PARENT_KEY = "parentFileNameHint";
    /** QEMU keeps the parent name in a PATH_MAX buffer. */
    private static final int MAX_PARENT_NAME = 4095;

    @Override
    public ImageHeader read(Path path, FileChannel channel) throws ImageHeaderException, IOException {
        HeaderBytes h = new HeaderBytes(path, channel, ImageFormat.VMDK, ByteOrder.LITTLE_ENDIAN);
        if (h.fileSize() >= 4 && (int) h.u32(0, "magic") == SPARSE_MAGIC) {
            return readSparse(path, h);
        }
        int length = (int) Math.min(h.fileSize(), MAX_DESCRIPTOR);
        String text = h.text(0, length, "descriptor");
        if (!text.startsWith(DESCRIPTOR_SIGNATURE)) {
            throw h.invalid("magic", "neither a sparse extent (KDMV) nor a text descriptor ('" + DESCRIPTOR_SIGNATURE + "')");
        }
        if (h.fileSize() > MAX_DESCRIPTOR) {
            throw h.invalid("descriptor", "a descriptor file of " + h.fileSize() + " bytes exceeds " + MAX_DESCRIPTOR);
        }
        VmdkDescriptor descriptor = VmdkDescriptor.parse(path, text);
        return header(path, h, 0, descriptor, OptionalLong.empty(), descriptor.totalSectors() * SECTOR,
                OptionalInt.empty(), false, false);
    }

    private static ImageHeader readSparse(Path path, HeaderBytes h) throws ImageHeaderException {
        long version = h.u32(4, "version");
        if (version < 1 || version > 3) {
            throw h.invalid("version", version + " is not supported; allowed: 1, 2, 3");
        }
        long flags = h.u32(8, "flags");
        long capacity = h.u64(12, "capacity");
        long grain = h.u64(20, "grainSize");
        if (grain == 0 || grain > MAX_GRAIN_SECTORS || Long.bitCount(grain) != 1) {
            throw h.invalid("grainSize", grain + " sectors is not a power of two in 1.." + MAX_GRAIN_SECTORS);
        }
        if (capacity > Long.MAX_VALUE / SECTOR) {
            throw h.invalid("capacity", capacity + " sectors is out of range");
        }
        long descriptorOffset = h.u64(28, "descriptorOffset");
        long descriptorSize = h.u64(36, "descriptorSize");
        if (descriptorOffset == 0 || descriptorSize == 0) {
            throw h.invalid("descriptorOffset", "no embedded descriptor: this is one extent of a multi-file image; "
                    + "open the image's descriptor file instead");
        }
        if (descriptorSize > MAX_DESCRIPTOR / SECTOR) {
            throw h.invalid("descriptorSize", descriptorSize + " sectors exceeds " + MAX_DESCRIPTOR / SECTOR);
        }
        if (descriptorOffset > Long.MAX_VALUE / SECTOR) {
            throw h.invalid("descriptorOffset", descriptorOffset + " sectors is out of range");
        }
        String text = h.nulTerminated(descriptorOffset * SECTOR, (int) (descriptorSize * SECTOR), "descriptor");
        VmdkDescriptor descriptor = VmdkDescriptor.parse(path, text);
        if (capacity == 0) {
            // QEMU opens such a file as a descriptor file: the extents it lists, by name.
            return header(path, h, SPARSE_PARENT_AREA, descriptor, OptionalLong.of(version),
                    descriptor.totalSectors() * SECTOR, OptionalInt.empty(), false, false);
        }
        return header(path, h, SPARSE_PARENT_AREA, descriptor, OptionalLong.of(version), capacity * SECTOR,
                OptionalInt.of((int) (grain * SECTOR)), true, (flags & FLAG_COMPRESSED) != 0);
    }

    /**
     * The parent name as QEMU finds it: the first "parentFileNameHint" in the NUL-terminated text
     * of the 20 sectors at {@code area} (bytes past the end of the file read as zeros), then two
     * characters skipped (normally '="'), then everything up to the next '"'. No closing quote, or
     * a name longer than QEMU's buffer, makes QEMU refuse the image; so does this reader.
     */
    private static Optional<String> qemuParentName(HeaderBytes h, long area) throws ImageHeaderException {
        byte[] bytes = new byte[PARENT_AREA_SIZE + 1];
        int available = (int) Math.max(0, Math.min(PARENT_AREA_SIZE, h.fileSize() - area));
        if (available > 0) {
            h.read(area, available, PARENT_KEY).get(bytes, 0, available);
        }
        int textEnd = indexOf(bytes, (byte) 0, 0);
        String text = new String(bytes, 0, textEnd, StandardCharsets.ISO_8859_1);
        int key = text.indexOf(PARENT_KEY);
        if (key < 0) {
            return Optional.empty();
        }
        int start = key + PARENT_KEY.length() + 2;
        if (start > PARENT_AREA_SIZE) {
            throw h.invalid(PARENT_KEY, "the name would start past the " + PARENT_AREA_SIZE + "-byte descriptor area");
        }
        int end = start;
        while (bytes[end] != '"' && bytes[end] != 0) {
            end++;
        }
        if (bytes[end] != '"') {
            throw h.invalid(PARENT_KEY, "the name has no closing '\"' (QEMU refuses such an image)");
        }
        if (end - start > MAX_PARENT_NAME) {
            throw h.invalid(PARENT_KEY, "the name is " + (end - start) + " bytes long; QEMU allows " + MAX_PARENT_NAME);
        }
        String name = new String(bytes, start, end - start, StandardCharsets.UTF_8);
        return name.isEmpty() ? Optional.empty() : Optional.of(name);
    }

    private static int indexOf(byte[] bytes, byte wanted, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == wanted) {
                return i;
            }
        }
        return bytes.length;
    }

    private static ImageHeader header(Path path, HeaderBytes h, long parentArea, VmdkDescriptor descriptor,
                                      OptionalLong version, long size, OptionalInt clusterSize, boolean embedded,
                                      boolean compressed) throws ImageHeaderException {
        Optional<String> parent = qemuParentName(h, parentArea);
        VmdkDetails details = new VmdkDetails(version, descriptor.createType(), descriptor.cid(path),
                descriptor.parentCid(path), parent, descriptor.extents(), embedded, compressed);
        Optional<BackingReference> backing =
                parent.map(name -> new BackingReference(name, Optional.of(ImageFormat.VMDK.qemuName())));
        return new ImageHeader(ImageFormat.VMDK, OptionalLong.of(size), clusterSize, backing, false,
                Optional.of(details));
    }
}
