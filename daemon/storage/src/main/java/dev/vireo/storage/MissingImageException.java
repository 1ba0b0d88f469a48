package dev.vireo.storage;

import java.nio.file.Path;

/** An image of the chain does not exist or cannot be read. */
public final class MissingImageException extends StorageException {

    public MissingImageException(Path image, String message, Throwable cause) {
        super(image, message, cause);
    }
}
