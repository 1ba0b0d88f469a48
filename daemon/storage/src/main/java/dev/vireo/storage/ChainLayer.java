package dev.vireo.storage;

import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One image of a backing chain.
 *
 * @param depth      0 for the top image, 1 for its backing file, ...
 * @param path       the path as given (top) or as resolved from the overlay's backing name
 * @param realPath   the path with symlinks resolved
 * @param identity   device and inode, for loop checks and to verify a later open
 * @param header     what the format reader read
 * @param actualSize bytes allocated on disk, when the platform tells
 * @param backing    where this layer's backing name leads, if it names one
 */
public record ChainLayer(int depth, Path path, Path realPath, FileIdentity identity, ImageHeader header,
                         OptionalLong actualSize, Optional<BackingTarget> backing) {

    public ImageFormat format() {
        return header.format();
    }

    public OptionalLong virtualSize() {
        return header.virtualSize();
    }

    /** The backing name exactly as this layer's header writes it. */
    public Optional<String> backingNameAsWritten() {
        return backing.map(BackingTarget::nameAsWritten);
    }
}
