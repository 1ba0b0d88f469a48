package dev.vireo.monitor;

/**
 * {@code blockdev-mirror}: copies {@code device} into the already added node {@code target}.
 *
 * @param sync     full or top (or none)
 * @param copyMode background or write-blocking; null for QEMU's default
 */
public record BlockdevMirror(JobOptions job, String device, String target, String sync, String copyMode) {
}
