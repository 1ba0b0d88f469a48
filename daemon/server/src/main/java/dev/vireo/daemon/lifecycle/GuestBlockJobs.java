package dev.vireo.daemon.lifecycle;

import dev.vireo.daemon.Log;
import dev.vireo.daemon.errors.VireoError;
import dev.vireo.jobs.BlockJob;
import dev.vireo.jobs.BlockJobListener;
import dev.vireo.jobs.BlockJobs;
import dev.vireo.monitor.JobStatus;

import dev.vireo.command.storage.DiskStorage;
import dev.vireo.command.storage.ImageNode;
import dev.vireo.command.storage.StoragePlan;
import dev.vireo.conf.model.Domain;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A guest's block jobs as the daemon sees them: recorded in its runtime record, announced on the
 * event bus in virsh's words once the record is saved.
 */
final class GuestBlockJobs implements BlockJobListener {
    private final Lifecycle lifecycle;
    private final RunningGuest guest;
    /** Jobs whose follow-up heard they are READY (at most once per job and daemon run). */
    private final Set<String> readySeen = ConcurrentHashMap.newKeySet();
    private BlockJobs jobs;

    private GuestBlockJobs(Lifecycle lifecycle, RunningGuest guest) {
        this.lifecycle = lifecycle;
        this.guest = guest;
    }

    /** The guest's job tracker, saving into its runtime record (call with the domain's job slot held). */
    static BlockJobs attach(Lifecycle lifecycle, RunningGuest guest) {
        return attachListener(lifecycle, guest).jobs;
    }

    /** Like {@link #attach}, keeping the listener (recovery resumes the follow-ups through it). */
    static GuestBlockJobs attachListener(Lifecycle lifecycle, RunningGuest guest) {
        GuestBlockJobs listener = new GuestBlockJobs(lifecycle, guest);
        listener.jobs = new BlockJobs(guest.entry.jobs(), guest.monitor,
                (List<BlockJob> list) -> lifecycle.writeRecord(guest, list), listener);
        guest.blockJobs = listener.jobs;
        return listener;
    }

    /** The tracker this listener belongs to. */
    BlockJobs jobs() {
        return jobs;
    }

    /** Applies the job's result through the conclusion its command registered (BlockJobs logs a failure). */
    @Override
    public void concluded(BlockJob job) throws VireoError {
        Log.info("block job " + job.id() + " of " + guest.entry.name() + " on " + job.disk() + " concluded: "
                + job.outcome().word() + (job.error() == null ? "" : " (" + job.error() + ")"));
        JobConclusion conclusion = lifecycle.conclusionOf(job.kind()).orElse(null);
        if (conclusion != null) conclusion.apply(new LiveGuest(lifecycle, guest), job);
        JobFollowUp followUp = lifecycle.followUpOf(job).orElse(null);
        if (followUp != null) followUp.concluded(new LiveGuest(lifecycle, guest), job);
        holdForTests(job);
    }

    /**
     * Test hook: {@code -Dvireo.test.holdConclusion=MILLIS} waits after a job's result was applied
     * and before it is saved and dismissed, the window a daemon crash must survive.
     */
    private static void holdForTests(BlockJob job) {
        long millis = Long.getLong("vireo.test.holdConclusion", 0);
        if (millis <= 0) return;
        Log.info("test hook: holding the conclusion of block job " + job.id() + " for " + millis + " ms");
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void ready(BlockJob job) {
        JobConclusion conclusion = lifecycle.conclusionOf(job.kind()).orElse(null);
        if (conclusion != null) {
            try {
                conclusion.ready(new LiveGuest(lifecycle, guest), job);
            } catch (VireoError | RuntimeException e) {
                Log.warn("cannot show block job " + job.id() + " of " + guest.entry.name() + " as ready", e);
            }
        }
        followUpReady(job);
        publish(job, "ready");
    }

    /**
     * After a daemon restart: a job found READY that was already READY before gets no new
     * {@link #ready} call from the tracker, but its follow-up may still have to act on it.
     */
    void resumeFollowUps() {
        for (BlockJob job : jobs.list()) {
            boolean ready = job.state() == JobStatus.READY || job.state() == JobStatus.STANDBY;
            if (ready && job.outcome() == null && !job.abortRequested()) followUpReady(job);
        }
    }

    private void followUpReady(BlockJob job) {
        JobFollowUp followUp = lifecycle.followUpOf(job).orElse(null);
        if (followUp == null || !readySeen.add(job.id())) return;
        try {
            followUp.ready(new LiveGuest(lifecycle, guest), job);
        } catch (VireoError | RuntimeException e) {
            Log.warn("block job " + job.id() + " of " + guest.entry.name() + " is ready but its follow-up failed", e);
        }
    }

    /**
     * Announced as status {@code io-error} (virsh has none: the job waits, paused, for
     * {@code blockjob --resume} or {@code --abort}), so that a client waiting for its end knows.
     */
    @Override
    public void pausedOnError(BlockJob job, String operation) {
        lifecycle.events().publish(guest.entry.name(), new EventPayload.BlockJob(job.id(), job.disk(), topPath(job.disk()),
                job.kind().label(), "io-error", job.offset(), job.length(), "I/O error on " + operation));
        lifecycle.followUpOf(job).ifPresent(f -> f.pausedOnError(job, operation));
    }

    /** Releases what the job left in QEMU (its conclusion says what), then announces the end. */
    @Override
    public void ended(BlockJob job) {
        release(job);
        followUpEnded(job);
        publish(job, job.outcome().word());
    }

    /** Nobody listened when it ended: the event is also kept for clients that subscribe later. */
    @Override
    public void endedWhileAway(BlockJob job) {
        release(job);
        followUpEnded(job);
        lifecycle.events().publishRetained(guest.entry.name(), payload(job, job.outcome().word()));
    }

    private void followUpEnded(BlockJob job) {
        readySeen.remove(job.id());
        lifecycle.followUpOf(job).ifPresent(f -> f.ended(job));
    }

    private void release(BlockJob job) {
        JobConclusion conclusion = lifecycle.conclusionOf(job.kind()).orElse(null);
        if (conclusion != null && !guest.stopped.isDone() && guest.monitor != null) {
            try {
                conclusion.released(new LiveGuest(lifecycle, guest), job);
            } catch (VireoError | RuntimeException e) {
                Log.warn("cannot release the nodes left by block job " + job.id() + " of " + guest.entry.name(), e);
            }
        }
    }

    /** The disk's top image as the live definition has it now (after the job's change). */
    private String topPath(String disk) {
        Domain live = guest.entry.live();
        if (live == null) return null;
        return StoragePlan.of(live, Map.of()).disk(disk).flatMap(DiskStorage::top).map(ImageNode::path).orElse(null);
    }

    private void publish(BlockJob job, String status) {
        lifecycle.events().publish(guest.entry.name(), payload(job, status));
    }

    private EventPayload payload(BlockJob job, String status) {
        return new EventPayload.BlockJob(job.id(), job.disk(), topPath(job.disk()),
                job.kind().label(), status, job.offset(), job.length(), job.error());
    }
}
