package dev.vireo.storage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Recognises a format by its signature. Only for an image whose format a person asks about
 * (e.g. {@code vireo image-info} without a format) and to check a declared format: the backing
 * chain walk never uses it, because a raw image's content is guest data and may look like any
 * format.
 */
public final class FormatDetector {

    private static final int PROBE_BYTES = 512;
    private static final int VDI_SIGNATURE_OFFSET = 0x40;
    private static final int VDI_SIGNATURE = 0xbeda107f;
    private static final int DMG_TRAILER = 512;

    private FormatDetector() {
    }

    /**
     * The format whose signature the file carries; raw when none matches. A path that is not a
     * regular file or block device is refused without blocking.
     */
    public static ImageFormat detectOrRaw(Path path) throws StorageException, IOException {
        try (FileChannel channel = ImageFiles.openForReading(path)) {
            return detect(channel).orElse(ImageFormat.RAW);
        }
    }

    /** The format whose signature the channel's file carries, if any. */
    public static Optional<ImageFormat> detect(FileChannel channel) throws IOException {
        ByteBuffer head = readAt(channel, 0, (int) Math.min(PROBE_BYTES, channel.size()));
        String ascii = new String(head.array(), 0, head.limit(), StandardCharsets.ISO_8859_1);
        if (head.limit() >= 8) {
            int magic = head.order(ByteOrder.BIG_ENDIAN).getInt(0);
            if (magic == Qcow2Reader.MAGIC) {
                int version = head.getInt(4);
                return Optional.of(version == 1 ? ImageFormat.QCOW : ImageFormat.QCOW2);
            }
            int littleMagic = head.order(ByteOrder.LITTLE_ENDIAN).getInt(0);
            if (littleMagic == QedReader.MAGIC) {
                return Optional.of(ImageFormat.QED);
            }
            if (littleMagic == VmdkReader.SPARSE_MAGIC || ascii.startsWith("COWD")
                    || ascii.startsWith(VmdkReader.DESCRIPTOR_SIGNATURE)) {
                return Optional.of(ImageFormat.VMDK);
            }
        }
        if (head.limit() >= VDI_SIGNATURE_OFFSET + 4
                && head.order(ByteOrder.LITTLE_ENDIAN).getInt(VDI_SIGNATURE_OFFSET) == VDI_SIGNATURE) {
            return Optional.of(ImageFormat.VDI);
        }
        if (ascii.startsWith("vhdxfile")) {
            return Optional.of(ImageFormat.VHDX);
        }
        if (ascii.startsWith("conectix")) {
            return Optional.of(ImageFormat.VPC);
        }
        if (ascii.startsWith("#!/bin/sh\n#V2.0 Format\nmodprobe cloop file=$0")) {
            return Optional.of(ImageFormat.CLOOP);
        }
        if (ascii.startsWith("LUKS\u00ba\u00be")) {
            return Optional.of(ImageFormat.LUKS);
        }
        if (ascii.startsWith("Bochs Virtual HD Image")) {
            return Optional.of(ImageFormat.BOCHS);
        }
        if (ascii.startsWith("WithoutFreeSpace") || ascii.startsWith("WithouFreSpacExt")) {
            return Optional.of(ImageFormat.PARALLELS);
        }
        if (hasDmgTrailer(channel)) {
            return Optional.of(ImageFormat.DMG);
        }
        return Optional.empty();
    }

    /** Apple disk images end with a 512-byte "koly" trailer. */
    private static boolean hasDmgTrailer(FileChannel channel) throws IOException {
        long size = channel.size();
        if (size < DMG_TRAILER) {
            return false;
        }
        ByteBuffer trailer = readAt(channel, size - DMG_TRAILER, 4);
        return new String(trailer.array(), 0, trailer.limit(), StandardCharsets.ISO_8859_1).equals("koly");
    }

    private static ByteBuffer readAt(FileChannel channel, long offset, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        while (buffer.hasRemaining() && channel.read(buffer, offset + buffer.position()) >= 0) {
            // keep reading: a positional read may return fewer bytes than asked
        }
        return buffer.flip();
    }
}
