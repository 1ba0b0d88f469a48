package dev.vireo.storage;

import java.nio.file.Path;

/**
 * An overlay names a backing file without recording its format. The format is never guessed from
 * the backing file's content: a guest can write any header, for instance a qcow2 header pointing
 * at a host file, into a raw image it owns.
 */
public final class UnrecordedBackingFormatException extends StorageException {

    public UnrecordedBackingFormatException(Path overlay, String message) {
        super(overlay, message, null);
    }
}
