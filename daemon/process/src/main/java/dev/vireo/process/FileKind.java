package dev.vireo.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The type of a file as stat(2) reports it (st_mode & S_IFMT). Disk images may only be regular
 * files or block devices: opening a FIFO blocks until a writer comes, a character device or a
 * socket is no image, and a directory has no bytes to read.
 */
public enum FileKind {
    REGULAR_FILE("a regular file"),
    BLOCK_DEVICE("a block device"),
    CHARACTER_DEVICE("a character device"),
    FIFO("a FIFO (named pipe)"),
    SOCKET("a socket"),
    DIRECTORY("a directory"),
    SYMBOLIC_LINK("a symbolic link");

    private static final int S_IFMT = 0170000;

    private final String description;

    FileKind(String description) {
        this.description = description;
    }

    /** E.g. "a FIFO (named pipe)", for messages. */
    public String description() {
        return description;
    }

    /** Whether a disk image can be this kind of file. */
    public boolean canHoldAnImage() {
        return this == REGULAR_FILE || this == BLOCK_DEVICE;
    }

    /** The kind of the file {@code path} leads to (stat: symlinks followed, the file is not opened). */
    public static FileKind of(Path path) throws IOException {
        return ofMode((Integer) Files.getAttribute(path, "unix:mode"));
    }

    /** The kind of the file behind an open descriptor (fstat, through its /proc/self/fd entry). */
    public static FileKind of(OwnedFd fd) throws IOException {
        return of(fd.procPath());
    }

    static FileKind ofMode(int mode) {
        return switch (mode & S_IFMT) {
            case 0100000 -> REGULAR_FILE;
            case 0060000 -> BLOCK_DEVICE;
            case 0020000 -> CHARACTER_DEVICE;
            case 0010000 -> FIFO;
            case 0140000 -> SOCKET;
            case 0040000 -> DIRECTORY;
            case 0120000 -> SYMBOLIC_LINK;
            default -> throw new IllegalArgumentException("unknown file type in mode 0" + Integer.toOctalString(mode));
        };
    }
}
