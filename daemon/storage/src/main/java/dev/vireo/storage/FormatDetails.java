package dev.vireo.storage;

/** What a reader learned beyond the fields every format shares (qemu-img's "format-specific"). */
public sealed interface FormatDetails permits Qcow2Details, QedDetails, VmdkDetails {
}
