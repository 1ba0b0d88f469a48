package dev.vireo.monitor;

/**
 * {@code block_set_io_throttle} for the device with qdev id {@code id}; QEMU requires all six
 * limits (0 means unlimited).
 */
public record IoThrottle(String id, long bps, long bpsRd, long bpsWr, long iops, long iopsRd, long iopsWr) {
}
