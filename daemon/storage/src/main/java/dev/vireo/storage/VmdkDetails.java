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
 * @param parentFileNameHint the descriptor's parentFileNameHint, if any
 * @param extents            the descriptor's extent lines
 * @param embedded           true when the descriptor lives inside a sparse file (monolithic sparse or
 *                           stream-optimized): all data is in this one file
 * @param compressed         sparse header flag bit 16: grains are compressed (stream-optimized)
 */
public record VmdkDetails(OptionalLong version, String createType, long cid, long parentCid,
                          Optional<String> parentFileNameHint, List<VmdkExtent> extents,
                          boolean embedded, boolean compressed) implements FormatDetails {

    public VmdkDetails {
        extents = List.copyOf(extents);
    }
}
