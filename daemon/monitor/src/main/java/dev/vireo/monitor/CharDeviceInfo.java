package dev.vireo.monitor;

/**
 * One host end of a character device, from {@code query-chardev}.
 *
 * @param label        the chardev's id ({@code charserial0})
 * @param filename     QEMU's description of the host end, e.g. {@code pty:/dev/pts/3}, {@code unix:/run/x.sock,server=on}
 * @param frontendOpen whether the guest side has it open (a virtio-serial port the guest uses)
 */
public record CharDeviceInfo(String label, String filename, boolean frontendOpen) {
    /** The pty's path when the host end is a pty, else null. */
    public String ptyPath() {
        return filename != null && filename.startsWith("pty:") ? filename.substring("pty:".length()) : null;
    }
}
