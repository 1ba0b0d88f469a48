package dev.vireo.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A file's device and inode. Two paths with the same identity are the same file whatever
 * symlinks or hard links lie between them, which is what loop detection must compare.
 */
public record FileIdentity(long device, long inode) {

    /** The identity of the file {@code path} leads to (symlinks followed). */
    public static FileIdentity of(Path path) throws IOException {
        Map<String, Object> attributes = Files.readAttributes(path, "unix:dev,ino");
        return new FileIdentity((Long) attributes.get("dev"), (Long) attributes.get("ino"));
    }
}
