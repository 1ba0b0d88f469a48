package dev.vireo.daemon.lifecycle;

import dev.vireo.daemon.Log;
import dev.vireo.daemon.errors.VireoError;
import dev.vireo.jobs.BlockJob;
import dev.vireo.jobs.BlockJobListener;
import dev.vireo.jobs.BlockJobs;

import java.util.List;

/**
 * A guest's block jobs as the daemon sees them: recorded in its runtime record, announced on the
 * event bus in virsh's words once the record is saved.
 */
final class GuestBlockJobs implements BlockJobListener {
    private final Lifecycle lifecycle;
    private final RunningGuest guest;

    private GuestBlockJobs(Lifecycle lifecycle, RunningGuest guest) {
        this.lifecycle = lifecycle;
        this.guest = guest;
    }

    /** The guest's job tracker, saving into its runtime record (call with the domain's job slot held). */
    static BlockJobs attach(Lifecycle lifecycle, RunningGuest guest) {
        BlockJobs jobs = new BlockJobs(guest.entry.jobs(), guest.monitor,
                (List<BlockJob> list) -> lifecycle.writeRecord(guest, list), new GuestBlockJobs(lifecycle, guest));
        guest.blockJobs = jobs;
        return jobs;
    }

    /** Applies the job's result through the conclusion its command registered (BlockJobs logs a failure). */
    @Override
    public void concluded(BlockJob job) throws VireoError {
        Log.info("block job " + job.id() + " of " + guest.entry.name() + " on " + job.disk() + " concluded: "
                + job.outcome().word() + (job.error() == null ? "" : " (" + job.error() + ")"));
        JobConclusion conclusion = lifecycle.conclusionOf(job.kind()).orElse(null);
        if (conclusion != null) conclusion.apply(new LiveGuest(lifecycle, guest), job);
    }

    @Override
    public void ready(BlockJob job) {
        publish(job, "ready");
    }

    @Override
    public void ended(BlockJob job) {
        publish(job, job.outcome().word());
    }

    private void publish(BlockJob job, String status) {
        lifecycle.events().publish(guest.entry.name(), new EventPayload.BlockJob(job.id(), job.disk(),
                job.kind().label(), status, job.offset(), job.length(), job.error()));
    }
}
