package dev.vireo.jobs;

import dev.vireo.monitor.JobStatus;

import java.util.Map;

/**
 * A block job as the daemon records it in the guest's runtime record, so that a restarted daemon
 * finds it again and finishes what QEMU did meanwhile.
 *
 * @param id        QEMU's job id (e.g. {@code pull-vda-vda-1})
 * @param disk      the disk's target ({@code vda})
 * @param nodes     the block nodes it works on, by role (top, base, topParent, target, ...)
 * @param state     QEMU's last reported status; {@link JobStatus#UNDEFINED} until QEMU reports one
 * @param abortRequested the daemon asked QEMU to cancel it (a READY job cancelled ends "completed"
 *                  in QEMU's words, but it was cancelled)
 * @param outcome   set once the result has been applied (chain, XML); null while it runs
 * @param error     QEMU's error for a failed job, or null
 */
public record BlockJob(String id, BlockJobKind kind, String disk, Map<String, String> nodes, JobStatus state,
                       boolean abortRequested, BlockJobOutcome outcome, String error, long offset, long length) {

    public BlockJob {
        nodes = Map.copyOf(nodes);
    }

    /** A job about to be started. */
    public static BlockJob registered(String id, BlockJobKind kind, String disk, Map<String, String> nodes) {
        return new BlockJob(id, kind, disk, nodes, JobStatus.UNDEFINED, false, null, null, 0, 0);
    }

    public BlockJob withState(JobStatus s) {
        return new BlockJob(id, kind, disk, nodes, s, abortRequested, outcome, error, offset, length);
    }

    public BlockJob withAbortRequested() {
        return new BlockJob(id, kind, disk, nodes, state, true, outcome, error, offset, length);
    }

    public BlockJob withProgress(long newOffset, long newLength) {
        return new BlockJob(id, kind, disk, nodes, state, abortRequested, outcome, error, newOffset, newLength);
    }

    public BlockJob finished(BlockJobOutcome o, String why) {
        return new BlockJob(id, kind, disk, nodes, JobStatus.CONCLUDED, abortRequested, o, why, offset, length);
    }
}
