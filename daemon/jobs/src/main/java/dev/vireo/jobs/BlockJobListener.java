package dev.vireo.jobs;

/**
 * What the rest of the daemon does at a block job's milestones. Called on the thread that handles
 * the guest's events (or on the recovering thread), in the job's order.
 */
public interface BlockJobListener {

    /**
     * The job concluded ({@code job.outcome()} says how): apply its result to the disk's chain and
     * the live XML, or, for a failed or cancelled job, release what it held. Runs before the job
     * is dismissed in QEMU and before anyone hears of the end, so that a client that sees
     * "completed" already finds the new chain. Must be idempotent: after a daemon crash it may run
     * again for the same job.
     */
    void concluded(BlockJob job) throws Exception;

    /** A two-phase job is in sync (saved as READY): a pivot may follow at once. */
    void ready(BlockJob job);

    /**
     * QEMU paused the job on an I/O error ({@code BLOCK_JOB_ERROR} with action {@code stop}):
     * it waits to be resumed or aborted.
     *
     * @param operation read or write
     */
    default void pausedOnError(BlockJob job, String operation) {
    }

    /** The job is gone from QEMU and from the record; {@code job.outcome()} says how it ended. */
    void ended(BlockJob job);

    /**
     * The job ended while the daemon was away (found concluded, or concluded but not yet
     * dismissed, at {@link BlockJobs#recover}): nobody listened when it ended, so its end is kept
     * for clients that subscribe later.
     */
    default void endedWhileAway(BlockJob job) {
        ended(job);
    }
}
