package dev.vireo.daemon.lifecycle;

import dev.vireo.daemon.errors.VireoError;
import dev.vireo.jobs.BlockJob;

/**
 * What a kind of block job changes once it has concluded in QEMU: the chain in the live XML and
 * the stored definition, fd sets no longer needed, files to delete. The command that starts a kind
 * of job registers its conclusion ({@link Lifecycle#onConcluded}).
 *
 * <p>Runs in the domain's job slot, before the job's outcome is saved and before it is dismissed
 * in QEMU. A daemon killed in between runs it again after its restart, so it must be idempotent:
 * look at the definition as it is (the change may already be there) before changing it.
 */
@FunctionalInterface
public interface JobConclusion {
    void apply(LiveGuest guest, BlockJob job) throws VireoError;

    /**
     * A two-phase job is in sync (READY), saved as such: show it in the live XML (a copy's
     * {@code <mirror ready='yes'>}) before clients hear of it. Runs in the job slot; may run again
     * for the same job after a daemon restart.
     */
    default void ready(LiveGuest guest, BlockJob job) throws VireoError {
    }

    /**
     * After the job was dismissed in QEMU (which until then keeps every node of the job in use):
     * delete the block nodes the job took out of the chain and their fd sets. Runs before the
     * job's end is announced. Not run again after a daemon crash, so leftovers are harmless ones
     * (nodes without parent, fds of images no longer in the chain).
     */
    default void released(LiveGuest guest, BlockJob job) throws VireoError {
    }
}
