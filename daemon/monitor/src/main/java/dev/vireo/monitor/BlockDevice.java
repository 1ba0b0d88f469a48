package dev.vireo.monitor;

/**
 * One device of {@code query-block} (a BlockBackend: a {@code -drive} or a device's backend).
 *
 * @param device   the drive id, empty for a backend without one
 * @param qdev     the guest device's id or QOM path
 * @param inserted the medium, null for an empty drive
 * @param ioStatus {@code ok}, {@code failed} or {@code nospace} after an I/O error; null when QEMU
 *                 does not track it (werror/rerror report or ignore)
 */
public record BlockDevice(String device, String qdev, boolean removable, Medium inserted, String ioStatus) {

    /**
     * @param nodeName    the top node
     * @param file        QEMU's file name of the top ({@code /dev/fdset/N} or {@code json:{...}} when fd-passed)
     * @param backingFile the backing file name in the top's header, or null
     * @param throttle    the device's I/O limits (its id is the device's qdev)
     */
    public record Medium(String nodeName, String file, String driver, boolean readOnly, String backingFile,
                         long writeThreshold, IoThrottle throttle) {
    }
}
