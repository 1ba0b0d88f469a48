package dev.vireo.storage;

import java.util.Optional;

/**
 * The qcow2 header beyond size and backing file.
 *
 * @param version         2 (compat 0.10) or 3 (compat 1.1)
 * @param clusterBits     log2 of the cluster size
 * @param l1Size          entries in the active L1 table
 * @param snapshotCount   internal snapshots recorded in the header
 * @param encryption      the crypt_method field
 * @param dirty           incompatible feature bit 0: refcounts may be stale (lazy refcounts in use)
 * @param corrupt         incompatible feature bit 1: QEMU found corruption and refuses writes
 * @param extendedL2      incompatible feature bit 4: subcluster allocation
 * @param lazyRefcounts   compatible feature bit 0
 * @param refcountOrder   log2 of the refcount width in bits (always 4 for version 2)
 * @param compressionType "zlib" or "zstd"
 * @param dataFile        name of an external data file (incompatible feature bit 2 + its extension)
 * @param dataFileRaw     autoclear bit 1: the external data file is a valid raw image by itself
 */
public record Qcow2Details(int version, int clusterBits, long l1Size, long snapshotCount,
                           Qcow2Encryption encryption, boolean dirty, boolean corrupt, boolean extendedL2,
                           boolean lazyRefcounts, int refcountOrder, String compressionType,
                           Optional<String> dataFile, boolean dataFileRaw) implements FormatDetails {

    /** qemu-img's name for the version: "0.10" for version 2, "1.1" for version 3. */
    public String compat() {
        return version == 2 ? "0.10" : "1.1";
    }

    public int refcountBits() {
        return 1 << refcountOrder;
    }

    public boolean hasExternalDataFile() {
        return dataFile.isPresent();
    }
}
