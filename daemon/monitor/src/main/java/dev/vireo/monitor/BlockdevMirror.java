package dev.vireo.monitor;

/**
 * {@code blockdev-mirror}: copies {@code device} into the already added node {@code target}.
 *
 * @param sync          full or top (or none)
 * @param copyMode      background or write-blocking; null for QEMU's default
 * @param granularity   the dirty bitmap's granularity in bytes (a power of two, 512 B to 64 MiB); 0 for QEMU's default
 * @param bufSize       the most bytes in flight; 0 for QEMU's default
 * @param onSourceError report, ignore, stop or enospc; null for QEMU's default (report)
 * @param onTargetError the same for errors writing the target
 */
public record BlockdevMirror(JobOptions job, String device, String target, String sync, String copyMode,
                             long granularity, long bufSize, String onSourceError, String onTargetError) {

    public BlockdevMirror(JobOptions job, String device, String target, String sync, String copyMode) {
        this(job, device, target, sync, copyMode, 0, 0, null, null);
    }
}
