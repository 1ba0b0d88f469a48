package dev.vireo.storage;

import java.nio.file.Path;

/** A backing chain that comes back to an image already in it (itself, a mutual pair, via symlinks). */
public final class BackingLoopException extends StorageException {

    public BackingLoopException(Path overlay, String message) {
        super(overlay, message, null);
    }
}
