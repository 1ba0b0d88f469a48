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
}
