package dev.vireo.storage;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A VMDK image's descriptor and, for a sparse file, its header.
 *
 * @param version            sparse header version, empty for a descriptor-only file
 * @param createType         the descriptor's createType ("monolithicSparse", "monolithicFlat", ...)
 * @param cid                content id
 * @param parentCid          the parent's content id (0xffffffff: no parent)
 * @param parentFileNameHint the parent name, found as QEMU 7.2 finds it (see {@link VmdkReader})
 * @param extents            the descriptor's extent lines
 * @param embedded           true when QEMU reads all data from this one file: a sparse (KDMV) file
 *                           with a capacity (monolithic sparse or stream-optimized). False for a
 *                           descriptor file and for a sparse header whose capacity is 0, which QEMU
 *                           reads as a descriptor file: it opens the extents it names, by name
 * @param compressed         sparse header flag bit 16: grains are compressed (stream-optimized)
 */
public record VmdkDetails(OptionalLong version, String createType, long cid, long parentCid,
                          Optional<String> parentFileNameHint, List<VmdkExtent> extents,
                          boolean embedded, boolean compressed) implements FormatDetails {

    public VmdkDetails {
        extents = List.copyOf(extents);
    }

    /** A sparse (KDMV) file, as opposed to a descriptor-only text file. */
    public boolean sparseHeader() {
        return version.isPresent();
    }
}
