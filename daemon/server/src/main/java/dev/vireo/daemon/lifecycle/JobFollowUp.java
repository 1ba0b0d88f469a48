package dev.vireo.daemon.lifecycle;

import dev.vireo.daemon.errors.VireoError;
import dev.vireo.jobs.BlockJob;

/**
 * What a block job started for a purpose beyond its kind (a commit started by snapshot-delete)
 * needs after its kind's own {@link JobConclusion}. The job's record names it under {@link #KEY}
 * (registered with {@link Lifecycle#onFollowUp}), so a restarted daemon finds it again with the job.
 *
 * <p>{@link #concluded} and {@link #ready} run in the domain's job slot and may run twice for the
 * same job after a daemon crash: look at the domain as it is before changing it.
 */
public interface JobFollowUp {
    /** The key in {@link BlockJob#nodes()} whose value names the follow-up. */
    String KEY = "followUp";

    /**
     * After the kind's conclusion was applied (whatever the outcome) and before the outcome is
     * saved and the job dismissed.
     */
    void concluded(LiveGuest guest, BlockJob job) throws VireoError;

    /** A two-phase job is in sync (READY), or was found READY again after a daemon restart. */
    default void ready(LiveGuest guest, BlockJob job) throws VireoError {
    }

    /**
     * An I/O error paused the job ({@code on-error: stop}); it waits for {@code blockjob --resume}
     * or {@code --abort}, and the follow-up still runs at its end.
     *
     * @param operation read or write
     */
    default void pausedOnError(BlockJob job, String operation) {
    }

    /** The job's end was announced, also when QEMU exited under it (then without {@link #concluded}). */
    default void ended(BlockJob job) {
    }
}
