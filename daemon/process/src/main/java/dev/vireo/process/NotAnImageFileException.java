package dev.vireo.process;

import java.io.IOException;
import java.nio.file.Path;

/** {@link OwnedFd#openImage} found something other than a regular file or a block device. */
public final class NotAnImageFileException extends IOException {

    private final Path path;
    private final FileKind kind;

    NotAnImageFileException(Path path, FileKind kind) {
        super(path + " is " + kind.description() + ", not a regular file or block device");
        this.path = path;
        this.kind = kind;
    }

    public Path path() {
        return path;
    }

    public FileKind kind() {
        return kind;
    }
}
