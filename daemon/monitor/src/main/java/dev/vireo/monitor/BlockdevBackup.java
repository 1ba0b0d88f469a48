package dev.vireo.monitor;

/** {@code blockdev-backup}: a point-in-time copy of {@code device} into the added node {@code target}. */
public record BlockdevBackup(JobOptions job, String device, String target, String sync) {
}
