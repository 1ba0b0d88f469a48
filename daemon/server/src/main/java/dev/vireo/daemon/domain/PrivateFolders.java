package dev.vireo.daemon.domain;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Folders only the daemon's user may enter: definitions and logs can hold secrets (display
 * passwords, guest output) and a monitor socket controls its guest completely.
 */
public final class PrivateFolders {
    private PrivateFolders() {
    }

    public static Path create(Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        return dir;
    }
}
