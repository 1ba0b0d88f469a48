package dev.vireo.storage;

import java.nio.file.Path;

/**
 * One layer to open and hand to QEMU. Whoever opens {@link #path()} should check that the opened
 * file still has the layer's {@link ChainLayer#identity() identity}, so a file swapped after the
 * walk is not passed on.
 */
public record LayerAccess(ChainLayer layer, AccessMode mode) {

    public Path path() {
        return layer.path();
    }
}
