package dev.vireo.storage;

import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * What a format reader learned from an image's header.
 *
 * @param format      the format the header was read as (decided by the caller, never by the reader)
 * @param virtualSize the guest-visible size in bytes; empty for formats we only detect
 * @param clusterSize allocation unit in bytes, for formats that have one
 * @param backing     the backing file the header names
 * @param dirty       the image was not closed cleanly (qemu-img's "dirty-flag")
 * @param details     format-specific fields
 */
public record ImageHeader(ImageFormat format, OptionalLong virtualSize, OptionalInt clusterSize,
                          Optional<BackingReference> backing, boolean dirty,
                          Optional<FormatDetails> details) {
}
