package dev.vireo.caps;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.concurrent.TimeUnit;

/**
 * Identifies one build of an emulator binary: its path, size and modification time. A binary that
 * is replaced or rebuilt gets a different stamp, so capabilities probed for the old one are not reused.
 */
record BinaryStamp(Path path, long size, long modifiedNanos) {

    static BinaryStamp of(Path binary) throws ProbeException {
        Path path = binary.toAbsolutePath().normalize();
        try {
            BasicFileAttributes a = Files.readAttributes(path, BasicFileAttributes.class);
            if (!a.isRegularFile()) throw new ProbeException("emulator " + binary + " is not a regular file");
            return new BinaryStamp(path, a.size(), a.lastModifiedTime().to(TimeUnit.NANOSECONDS));
        } catch (NoSuchFileException e) {
            throw new ProbeException("emulator " + binary + " does not exist", e);
        } catch (IOException e) {
            throw new ProbeException("cannot read the attributes of emulator " + binary + ": " + e, e);
        }
    }
}
