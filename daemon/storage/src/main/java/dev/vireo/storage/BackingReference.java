package dev.vireo.storage;

import java.util.Optional;

/**
 * A backing file as an overlay's header names it.
 *
 * @param name       the name exactly as written (relative names are resolved later, against the
 *                   directory of the overlay)
 * @param formatName the backing format the header records, if it records one; never filled in by
 *                   looking at the backing file itself
 */
public record BackingReference(String name, Optional<String> formatName) {

    public BackingReference {
        if (name.isEmpty()) {
            throw new IllegalArgumentException("a backing file name cannot be empty");
        }
    }
}
