package dev.vireo.storage;

import java.nio.file.Path;

/** A backing chain longer than {@link ChainPolicy#maxDepth()} allows. */
public final class ChainDepthException extends StorageException {

    public ChainDepthException(Path overlay, String message) {
        super(overlay, message, null);
    }
}
