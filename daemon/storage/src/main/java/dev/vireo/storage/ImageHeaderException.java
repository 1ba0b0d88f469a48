package dev.vireo.storage;

import java.nio.file.Path;

/** A header that is truncated, garbage, or outside what the format allows. */
public final class ImageHeaderException extends StorageException {

    private final String field;

    public ImageHeaderException(Path image, ImageFormat format, String field, String problem) {
        this(image, format, field, problem, null);
    }

    public ImageHeaderException(Path image, ImageFormat format, String field, String problem, Throwable cause) {
        super(image, image + ": invalid " + format.qemuName() + " header: field '" + field + "': " + problem, cause);
        this.field = field;
    }

    /** The header field that was wrong, as the format's specification names it. */
    public String field() {
        return field;
    }
}
