package dev.vireo.storage;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;

/** Reads an image's header as a format the caller names. */
public final class ImageHeaders {

    private ImageHeaders() {
    }

    /**
     * Opens {@code path} read-only and reads its header as {@code format}. A path that is not a
     * regular file or block device (a FIFO, socket, character device, directory) is refused
     * without blocking.
     */
    public static ImageHeader read(Path path, ImageFormat format) throws StorageException {
        try (FileChannel channel = ImageFiles.openForReading(path)) {
            return read(path, channel, format);
        } catch (IOException e) {
            throw new MissingImageException(path, path + ": cannot read the image: " + e.getMessage(), e);
        }
    }

    /** Reads the header of an image already open (e.g. the very channel that will be handed on). */
    public static ImageHeader read(Path path, FileChannel channel, ImageFormat format)
            throws StorageException, IOException {
        return readerFor(format).read(path, channel);
    }

    private static ImageReader readerFor(ImageFormat format) {
        return switch (format) {
            case RAW -> new RawReader();
            case QCOW2 -> new Qcow2Reader();
            case QED -> new QedReader();
            case VMDK -> new VmdkReader();
            // qcow version 1 can name a backing file but never records its format
            case QCOW -> (path, channel) -> {
                throw new UnsupportedImageException(path, path + ": qcow (version 1) images are not supported; "
                        + "convert it: qemu-img convert -f qcow -O qcow2 " + path + " NEW.qcow2");
            };
            case VDI, VHDX, VPC, CLOOP, DMG, LUKS, BOCHS, PARALLELS -> new LeafFormatReader(format);
        };
    }
}
