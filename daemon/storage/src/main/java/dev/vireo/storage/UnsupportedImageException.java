package dev.vireo.storage;

import java.nio.file.Path;

/**
 * An image that is well formed but uses something the daemon does not hand to QEMU: an unknown
 * backing format name, an external qcow2 data file, vmdk extents in other files.
 */
public final class UnsupportedImageException extends StorageException {

    public UnsupportedImageException(Path image, String message) {
        super(image, message, null);
    }
}
