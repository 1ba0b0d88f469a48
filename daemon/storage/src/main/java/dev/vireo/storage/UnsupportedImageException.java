package dev.vireo.storage;

import java.nio.file.Path;

/**
 * An image that is well formed but uses something the daemon does not hand to QEMU: an unknown
 * backing format name, a file QEMU would open by name (an external qcow2 data file, VMDK extents,
 * a network backing the configuration does not allow), or a path that is no regular file or block
 * device (a FIFO, socket, character device, directory).
 */
public final class UnsupportedImageException extends StorageException {

    public UnsupportedImageException(Path image, String message) {
        super(image, message, null);
    }
}
