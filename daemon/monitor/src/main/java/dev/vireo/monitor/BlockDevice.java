package dev.vireo.monitor;

/**
 * One device of {@code query-block} (a BlockBackend: a {@code -drive} or a device's backend).
 *
 * @param device   the drive id, empty for a backend without one
 * @param qdev     the guest device's id or QOM path
 * @param inserted the medium, null for an empty drive
 */
public record BlockDevice(String device, String qdev, boolean removable, Medium inserted) {

    /**
     * @param nodeName    the top node
     * @param file        QEMU's file name of the top ({@code /dev/fdset/N} or {@code json:{...}} when fd-passed)
     * @param backingFile the backing file name in the top's header, or null
     */
    public record Medium(String nodeName, String file, String driver, boolean readOnly, String backingFile,
                         long writeThreshold) {
    }
}
