package dev.vireo.command.fdpass;

import java.util.List;

/**
 * A disk whose images QEMU gets as fd sets instead of opening paths.
 *
 * @param source the disk's local path exactly as the domain names it (what plain {@code -drive
 *               file=} holds); it picks the {@code -drive} to rewrite
 * @param layers the chain, top first; every layer below the top is given to QEMU explicitly,
 *               so QEMU never follows a backing name by itself
 */
public record PassedDisk(String source, List<PassedLayer> layers) {

    public PassedDisk {
        layers = List.copyOf(layers);
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("disk " + source + " needs at least its top image");
        }
    }
}
