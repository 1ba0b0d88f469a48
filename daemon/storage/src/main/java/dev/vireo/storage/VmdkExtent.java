package dev.vireo.storage;

/**
 * One extent line of a VMDK descriptor, e.g. {@code RW 131072 SPARSE "disk.vmdk"}.
 *
 * @param access   RW, RDONLY or NOACCESS
 * @param sectors  size in 512-byte sectors
 * @param type     SPARSE, FLAT, ZERO, VMFS, ...
 * @param fileName the extent file as written (empty for ZERO extents)
 */
public record VmdkExtent(String access, long sectors, String type, String fileName) {
}
