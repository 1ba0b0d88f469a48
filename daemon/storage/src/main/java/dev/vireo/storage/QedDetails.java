package dev.vireo.storage;

/**
 * The QED header beyond size and backing file.
 *
 * @param clusterSize          bytes per cluster
 * @param tableSize            clusters per L1/L2 table
 * @param headerSize           clusters taken by the header
 * @param needsCheck           feature bit 1: the image was not closed cleanly
 * @param backingFormatNoProbe feature bit 2: the backing file is raw and must not be probed
 */
public record QedDetails(long clusterSize, long tableSize, long headerSize,
                         boolean needsCheck, boolean backingFormatNoProbe) implements FormatDetails {
}
