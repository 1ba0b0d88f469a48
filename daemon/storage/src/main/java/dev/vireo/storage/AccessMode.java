package dev.vireo.storage;

/** How a layer is opened for QEMU. */
public enum AccessMode {
    READ_ONLY,
    READ_WRITE
}
