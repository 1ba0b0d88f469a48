package dev.vireo.command.storage;

/**
 * A disk's host cache mode as QEMU's block nodes spell it ({@code cache.direct},
 * {@code cache.no-flush}), with the guest-visible write cache that goes on the device.
 *
 * @param direct     O_DIRECT: bypass the host page cache
 * @param noFlush    ignore the guest's flushes
 * @param writeCache whether the guest sees a volatile write cache ({@code write-cache=on})
 */
public record NodeCache(boolean direct, boolean noFlush, boolean writeCache) {

    /**
     * The mode for a libvirt {@code cache=} value, or null for the default (QEMU's own,
     * written nowhere).
     */
    public static NodeCache of(String mode) {
        if (mode == null) {
            return null;
        }
        return switch (mode) {
            case "default" -> null;
            case "none" -> new NodeCache(true, false, true);
            case "writeback" -> new NodeCache(false, false, true);
            case "writethrough" -> new NodeCache(false, false, false);
            case "directsync" -> new NodeCache(true, false, false);
            case "unsafe" -> new NodeCache(false, true, true);
            default -> throw new IllegalArgumentException("unknown cache mode '" + mode + "'");
        };
    }
}
