package dev.vireo.storage;

import java.nio.file.Path;
import java.util.Optional;

/** Where a layer's backing name leads: a local file (the next layer) or a network image. */
public sealed interface BackingTarget {

    /** The name exactly as the overlay's header writes it. */
    String nameAsWritten();

    /**
     * A local backing file.
     *
     * @param resolved the name resolved against the directory of the overlay that names it
     * @param format   the format the overlay records for it
     */
    record File(String nameAsWritten, Path resolved, ImageFormat format) implements BackingTarget {
    }

    /**
     * A backing image reached over a protocol; reported, never opened by the daemon.
     *
     * @param protocol the protocol prefix, e.g. "nbd" or "https"
     * @param format   the format the overlay records for it
     */
    record Network(String nameAsWritten, String protocol, Optional<ImageFormat> format) implements BackingTarget {
    }
}
