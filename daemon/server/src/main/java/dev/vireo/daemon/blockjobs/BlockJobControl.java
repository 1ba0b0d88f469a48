package dev.vireo.daemon.blockjobs;

import dev.vireo.command.storage.DiskStorage;
import dev.vireo.daemon.disks.PlanDisks;
import dev.vireo.daemon.errors.VireoError;
import dev.vireo.daemon.lifecycle.LiveGuest;
import dev.vireo.jobs.BlockJob;
import dev.vireo.jobs.BlockJobs;
import dev.vireo.jobs.DomainBusyException;
import dev.vireo.jobs.MonitorAction;
import dev.vireo.monitor.BlockJobInfo;
import dev.vireo.monitor.JobStatus;
import dev.vireo.monitor.Monitor;
import dev.vireo.qmp.QmpCommandException;

import java.io.IOException;
import java.util.Optional;
import java.util.Set;

/**
 * The job of a disk as the {@code blockjob} command sees it (info, abort, pivot, speed, pause,
 * resume) and the pieces every job-starting command shares (finding the disk, refusing a second
 * job, starting under {@link BlockJobs}). Every method runs inside the domain's job slot.
 */
public final class BlockJobControl {
    /** States in which a job is already ending: an abort or a pivot would only race with the end. */
    private static final Set<JobStatus> ENDING = Set.of(JobStatus.WAITING, JobStatus.PENDING, JobStatus.ABORTING,
            JobStatus.CONCLUDED, JobStatus.NULL);

    /**
     * What a pull or commit does on an I/O error (QMP {@code on-error}): QEMU pauses the job, which
     * the daemon announces ({@code io-error}); it can then be resumed once the cause is fixed, or
     * aborted. QEMU's default ({@code report}) would end it failed, its progress lost.
     */
    static final String ON_ERROR = "stop";

    private BlockJobControl() {
    }

    /** The disk named by target or top path, with a medium. */
    static DiskStorage disk(LiveGuest guest, String name) throws VireoError {
        DiskStorage disk = PlanDisks.find(guest.name(), guest.plan(), name);
        if (disk.empty()) throw VireoError.invalidArgument("disk '" + disk.dev() + "' does not currently have a source assigned");
        return disk;
    }

    static BlockJobs jobs(LiveGuest guest) throws VireoError {
        BlockJobs jobs = guest.blockJobs();
        if (jobs == null) throw VireoError.failed("the block jobs of domain '" + guest.name() + "' are not followed (its monitor is not connected)");
        return jobs;
    }

    static void refuseSecondJob(LiveGuest guest, String dev) throws VireoError {
        Optional<BlockJob> running = jobs(guest).onDisk(dev);
        if (running.isPresent()) {
            throw VireoError.busy("disk '" + dev + "' already in active block job '" + running.get().id() + "' ("
                    + running.get().kind().label() + "); wait for it to end or abort it with blockjob --abort");
        }
    }

    /** Records and starts the job (see {@link BlockJobs#start}); QEMU's refusal becomes the error. */
    static void start(LiveGuest guest, BlockJob job, MonitorAction starter) throws VireoError {
        try {
            jobs(guest).start(job, starter);
        } catch (DomainBusyException e) {
            throw VireoError.busy("disk '" + job.disk() + "' cannot start " + job.kind().label() + ": " + e.getMessage());
        } catch (QmpCommandException e) {
            throw VireoError.failed(job.kind().operation() + " of disk '" + job.disk() + "' refused by QEMU: "
                    + e.errorClass() + ": " + e.description(), e);
        } catch (IOException e) {
            throw VireoError.failed(job.kind().operation() + " of disk '" + job.disk() + "' on domain '" + guest.name()
                    + "': " + e.getMessage(), e);
        }
    }

    /**
     * The job on the disk and QEMU's view of it now, or empty when none runs.
     *
     * @param qemu {@code query-block-jobs}' entry, null when QEMU no longer lists it
     */
    public record Current(BlockJob job, BlockJobInfo qemu) {
    }

    public static Optional<Current> current(LiveGuest guest, String diskName) throws VireoError {
        DiskStorage disk = PlanDisks.find(guest.name(), guest.plan(), diskName);
        Optional<BlockJob> job = jobs(guest).onDisk(disk.dev());
        if (job.isEmpty()) return Optional.empty();
        BlockJobInfo info = null;
        for (BlockJobInfo i : guest.qmp("query-block-jobs", Monitor::queryBlockJobs)) {
            if (i.device().equals(job.get().id())) info = i;
        }
        return Optional.of(new Current(job.get(), info));
    }

    private static BlockJob require(LiveGuest guest, String diskName) throws VireoError {
        DiskStorage disk = PlanDisks.find(guest.name(), guest.plan(), diskName);
        return jobs(guest).onDisk(disk.dev()).filter(j -> j.outcome() == null).orElseThrow(() ->
                VireoError.invalidArgument("disk " + disk.dev() + " does not have an active block job"));
    }

    /** Cancels the disk's job ({@code job-cancel}); its end is announced as canceled. */
    public static BlockJob abort(LiveGuest guest, String diskName) throws VireoError {
        BlockJob job = require(guest, diskName);
        BlockJobs jobs = jobs(guest);
        if (job.abortRequested() || ENDING.contains(job.state())) {
            throw VireoError.wrongState("block job on disk '" + job.disk() + "' is still being ended");
        }
        monitorCall(guest, job, "job-cancel", () -> jobs.abort(job.id()));
        return job;
    }

    /** Pivots a READY two-phase job ({@code job-complete}). */
    public static BlockJob pivot(LiveGuest guest, String diskName) throws VireoError {
        BlockJob job = require(guest, diskName);
        BlockJobs jobs = jobs(guest);
        if (job.abortRequested() || ENDING.contains(job.state())) {
            throw VireoError.wrongState("block job on disk '" + job.disk() + "' is still being ended");
        }
        if (job.state() != JobStatus.READY && job.state() != JobStatus.STANDBY) {
            throw VireoError.wrongState("block copy still active: block job '" + job.id() + "' not ready for pivot yet");
        }
        if (!job.kind().twoPhase()) {
            throw VireoError.invalidArgument("job type '" + job.kind().label() + "' does not support pivot");
        }
        monitorCall(guest, job, "job-complete", () -> jobs.pivot(job.id()));
        return job;
    }

    public static BlockJob setSpeed(LiveGuest guest, String diskName, long bytesPerSecond) throws VireoError {
        BlockJob job = require(guest, diskName);
        BlockJobs jobs = jobs(guest);
        monitorCall(guest, job, "block-job-set-speed", () -> jobs.setSpeed(job.id(), bytesPerSecond));
        return job;
    }

    public static BlockJob pause(LiveGuest guest, String diskName) throws VireoError {
        BlockJob job = require(guest, diskName);
        BlockJobs jobs = jobs(guest);
        monitorCall(guest, job, "job-pause", () -> jobs.pause(job.id()));
        return job;
    }

    public static BlockJob resume(LiveGuest guest, String diskName) throws VireoError {
        BlockJob job = require(guest, diskName);
        BlockJobs jobs = jobs(guest);
        monitorCall(guest, job, "job-resume", () -> jobs.resume(job.id()));
        return job;
    }

    @FunctionalInterface
    private interface Call {
        void run() throws IOException;
    }

    private static void monitorCall(LiveGuest guest, BlockJob job, String command, Call call) throws VireoError {
        try {
            call.run();
        } catch (QmpCommandException e) {
            throw VireoError.failed(command + " of block job '" + job.id() + "' refused by QEMU: " + e.description(), e);
        } catch (IOException e) {
            throw VireoError.failed(command + " of block job '" + job.id() + "' on domain '" + guest.name() + "': "
                    + e.getMessage(), e);
        }
    }
}
