package dev.vireo.monitor;

/**
 * One node of {@code query-named-block-nodes} (with {@code flat: true}: each node once).
 *
 * @param file        QEMU's file name (for fd-passed images {@code /dev/fdset/N} or {@code json:{...}})
 * @param backingFile the backing file name in the image header, or null
 */
public record BlockNode(String nodeName, String driver, String file, boolean readOnly, String backingFile,
                        long virtualSize, long writeThreshold) {
}
