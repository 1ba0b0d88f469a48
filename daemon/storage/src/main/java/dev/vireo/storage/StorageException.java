package dev.vireo.storage;

import java.nio.file.Path;

/**
 * Why an image or a backing chain was refused. Every subtype names the image it is about, so a
 * message reaching the user always says which file to look at.
 */
public abstract sealed class StorageException extends Exception
        permits ImageHeaderException, MissingImageException, UnrecordedBackingFormatException,
                BackingLoopException, ChainDepthException, UnsupportedImageException {

    private final Path image;

    protected StorageException(Path image, String message, Throwable cause) {
        super(message, cause);
        this.image = image;
    }

    /** The image the refusal is about (for a missing layer: the overlay that names it). */
    public Path image() {
        return image;
    }
}
