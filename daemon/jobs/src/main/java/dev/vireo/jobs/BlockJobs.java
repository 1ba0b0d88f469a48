package dev.vireo.jobs;

import dev.vireo.monitor.JobInfo;
import dev.vireo.monitor.JobStatus;
import dev.vireo.monitor.Monitor;
import dev.vireo.monitor.MonitorEvent;
import dev.vireo.qmp.QmpCommandException;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One guest's block jobs: the state machine that follows QEMU's {@code JOB_STATUS_CHANGE}
 * events, records every change through the {@link JobStore} before anyone hears of it, and
 * finishes a concluded job (apply the result, save, {@code job-dismiss}, tell) in an order that a
 * daemon crash at any point can resume from ({@link #recover}).
 *
 * <p>Each job holds its disk's place among the domain's {@link DomainJobs asynchronous jobs} from
 * its start (or its recovery) to its end, so that a second job on the same disk is refused while
 * lifecycle commands go on beside it. Jobs are started with {@code auto-dismiss: false}, so QEMU
 * keeps a concluded job and its error until this class dismisses it. The callers hold the domain's synchronous job slot around
 * every call (the slot comes first, then this object's lock, always in that order), which also
 * lets {@link BlockJobListener#concluded} update the domain.
 */
public final class BlockJobs {
    private static final System.Logger LOG = System.getLogger(BlockJobs.class.getName());

    private final String domain;
    private final Monitor monitor;
    private final JobStore store;
    private final BlockJobListener listener;
    private final DomainJobs slots;
    private final Map<String, BlockJob> jobs = new LinkedHashMap<>();
    private final Map<String, DomainJobs.AsyncJob> places = new LinkedHashMap<>();

    public BlockJobs(DomainJobs slots, Monitor monitor, JobStore store, BlockJobListener listener) {
        this.domain = slots.domain();
        this.slots = slots;
        this.monitor = monitor;
        this.store = store;
        this.listener = listener;
    }

    /** The jobs that run (or finish) now, in start order. */
    public synchronized List<BlockJob> list() {
        return List.copyOf(jobs.values());
    }

    public synchronized Optional<BlockJob> job(String id) {
        return Optional.ofNullable(jobs.get(id));
    }

    /** The running job on {@code disk}, if any. */
    public synchronized Optional<BlockJob> onDisk(String disk) {
        return jobs.values().stream().filter(j -> j.disk().equals(disk)).findFirst();
    }

    /**
     * Takes the disk's place among the domain's long jobs, records the job, then starts it with
     * {@code starter}. If QEMU refuses, the record and the place are taken back and the refusal
     * thrown; if the record cannot be saved, nothing is started.
     *
     * @throws DomainBusyException when a job already runs on that disk
     */
    public synchronized void start(BlockJob job, MonitorAction starter) throws IOException, DomainBusyException {
        if (jobs.containsKey(job.id())) {
            throw new IllegalStateException("block job '" + job.id() + "' already exists on domain '" + domain + "'");
        }
        places.put(job.id(), slots.beginAsync(job.kind().operation(), job.disk(), Set.of()));
        jobs.put(job.id(), job);
        try {
            save();
        } catch (IOException e) {
            forget(job.id());
            throw e;
        }
        try {
            starter.run(monitor);
        } catch (IOException | RuntimeException e) {
            forget(job.id());
            saveOrWarn();
            throw e;
        }
    }

    /**
     * Like {@link #start}, for jobs that must begin at one point in time (a backup of several
     * disks): each takes its disk's place and all are recorded, then {@code starter} starts them
     * together (one QMP {@code transaction}). If any place is taken, or QEMU refuses, none of them
     * stays.
     *
     * @throws DomainBusyException when a job already runs on one of the disks
     */
    public synchronized void startAll(List<BlockJob> group, MonitorAction starter) throws IOException, DomainBusyException {
        for (BlockJob job : group) {
            if (jobs.containsKey(job.id())) {
                throw new IllegalStateException("block job '" + job.id() + "' already exists on domain '" + domain + "'");
            }
        }
        try {
            for (BlockJob job : group) {
                places.put(job.id(), slots.beginAsync(job.kind().operation(), job.disk(), Set.of()));
                jobs.put(job.id(), job);
            }
            save();
        } catch (IOException | DomainBusyException | RuntimeException e) {
            group.forEach(j -> forget(j.id()));
            throw e;
        }
        try {
            starter.run(monitor);
        } catch (IOException | RuntimeException e) {
            group.forEach(j -> forget(j.id()));
            saveOrWarn();
            throw e;
        }
    }

    private void forget(String id) {
        jobs.remove(id);
        DomainJobs.AsyncJob place = places.remove(id);
        if (place != null) place.close();
    }

    /**
     * QEMU is gone, and its jobs with it: each running job ends failed (so that whoever waits for
     * it hears so) and frees its disk. The runtime record goes with the guest, so nothing is saved.
     */
    public synchronized void guestStopped() {
        for (BlockJob j : List.copyOf(jobs.values())) {
            forget(j.id());
            if (j.outcome() == null) listener.ended(j.finished(BlockJobOutcome.FAILED, "QEMU exited"));
        }
    }

    /**
     * Asks QEMU to cancel the job; its end is then reported as canceled, whatever QEMU calls it. A
     * READY two-phase job is cancelled without force, so that its target ends in sync (a copy's
     * {@code --finish}, an active commit's {@code --keep-overlay}).
     */
    public synchronized void abort(String id) throws IOException {
        BlockJob j = require(id);
        jobs.put(id, j.withAbortRequested());
        save();
        if (j.kind().twoPhase() && (j.state() == JobStatus.READY || j.state() == JobStatus.STANDBY)) {
            monitor.blockJobCancel(id, false);
        } else {
            monitor.jobCancel(id);
        }
    }

    /** Pauses a running job ({@code job-pause}); QEMU refuses a job that is already paused. */
    public synchronized void pause(String id) throws IOException {
        require(id);
        monitor.jobPause(id);
    }

    /** Resumes a paused job ({@code job-resume}), also one QEMU paused on an I/O error. */
    public synchronized void resume(String id) throws IOException {
        require(id);
        monitor.jobResume(id);
    }

    /** Changes a running job's speed limit ({@code block-job-set-speed}; 0 for none). */
    public synchronized void setSpeed(String id, long bytesPerSecond) throws IOException {
        require(id);
        monitor.blockJobSetSpeed(id, bytesPerSecond);
    }

    /** Pivots a READY two-phase job ({@code job-complete}). */
    public synchronized void pivot(String id) throws IOException {
        BlockJob j = require(id);
        if (j.state() != JobStatus.READY && j.state() != JobStatus.STANDBY) {
            throw new IllegalStateException("block job '" + id + "' not ready for pivot yet");
        }
        monitor.jobComplete(id);
    }

    private BlockJob require(String id) {
        BlockJob j = jobs.get(id);
        if (j == null || j.outcome() != null) {
            throw new IllegalStateException("no active block job '" + id + "' on domain '" + domain + "'");
        }
        return j;
    }

    /** Feeds one of the guest's events in (events of jobs it does not track are ignored). */
    public synchronized void onEvent(MonitorEvent event) {
        switch (event) {
            case MonitorEvent.JobStatusChange c -> statusChanged(c.id(), c.status());
            case MonitorEvent.BlockJobReady r -> progress(r.device(), r.offset(), r.len());
            case MonitorEvent.BlockJobCompleted c -> progress(c.device(), c.offset(), c.len());
            case MonitorEvent.BlockJobCancelled c -> progress(c.device(), c.offset(), c.len());
            case MonitorEvent.BlockJobError e -> ioError(e.device(), e.operation(), e.action());
            default -> {
            }
        }
    }

    private void progress(String id, long offset, long length) {
        BlockJob j = jobs.get(id);
        if (j != null) jobs.put(id, j.withProgress(offset, length));   // saved with the next status change
    }

    /** Only a stop is news: {@code report} ends the job (its conclusion tells), {@code ignore} goes on. */
    private void ioError(String id, String operation, String action) {
        BlockJob j = jobs.get(id);
        if (j == null || j.outcome() != null || !"stop".equals(action)) return;
        LOG.log(System.Logger.Level.WARNING, "block job " + id + " of " + domain + " paused by an I/O error on " + operation);
        listener.pausedOnError(j, operation);
    }

    private void statusChanged(String id, JobStatus status) {
        BlockJob j = jobs.get(id);
        if (j == null || j.outcome() != null) return;
        switch (status) {
            case CONCLUDED -> conclude(j, errorOf(id), false);
            case NULL -> {
                // a job QEMU has reported nothing of yet: the NULL is the dismissal of an earlier job
                // with the same id (its event queued behind the new job's start), not this one's
                if (j.state() == JobStatus.UNDEFINED) return;
                // dismissed behind the daemon's back (e.g. job-dismiss passed through): its result is unknown
                LOG.log(System.Logger.Level.WARNING, "block job " + id + " of " + domain
                        + " vanished from QEMU before vireo saw it conclude; its result is not applied");
                finish(j.finished(BlockJobOutcome.FAILED, "the job vanished from QEMU before it was seen to conclude"), false);
            }
            default -> {
                boolean becameReady = status == JobStatus.READY && j.state() != JobStatus.READY && j.state() != JobStatus.STANDBY;
                BlockJob now = j.withState(status);
                jobs.put(id, now);
                saveOrWarn();
                if (becameReady) listener.ready(now);
            }
        }
    }

    /** QEMU says whether a concluded job failed only in query-jobs (the event carries no error). */
    private String errorOf(String id) {
        try {
            for (JobInfo q : monitor.queryJobs()) {
                if (q.id().equals(id)) return q.error();
            }
            return null;
        } catch (IOException e) {
            return "cannot read the job's outcome from QEMU: " + e.getMessage();
        }
    }

    private void conclude(BlockJob j, String error, boolean whileAway) {
        // a job the daemon cancelled ends canceled, whether QEMU calls that completed (a READY
        // job) or an error ("Operation canceled")
        BlockJobOutcome outcome = j.abortRequested() ? BlockJobOutcome.CANCELED
                : error != null ? BlockJobOutcome.FAILED : BlockJobOutcome.COMPLETED;
        BlockJob done = j.finished(outcome, outcome == BlockJobOutcome.CANCELED ? null : error);
        try {
            listener.concluded(done);
        } catch (Exception e) {
            LOG.log(System.Logger.Level.ERROR, "cannot apply the result of block job " + j.id() + " of " + domain, e);
        }
        jobs.put(j.id(), done);
        saveOrWarn();   // from here on a restarted daemon only dismisses and reports it
        finish(done, whileAway);
    }

    /** The result is applied and saved: dismiss in QEMU, drop from the record, tell. */
    private void finish(BlockJob done, boolean whileAway) {
        try {
            monitor.jobDismiss(done.id());
        } catch (QmpCommandException gone) {
            // already dismissed (or never concluded in QEMU): nothing left to release
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot dismiss block job " + done.id() + " of " + domain, e);
        }
        forget(done.id());
        saveOrWarn();
        if (whileAway) listener.endedWhileAway(done);
        else listener.ended(done);
    }

    /**
     * After a daemon restart: takes over the recorded jobs. Those QEMU still runs are followed
     * again (a READY reached meanwhile is announced), those that concluded meanwhile are finished
     * now, those QEMU no longer knows are dropped; jobs QEMU runs that were never recorded are left alone.
     */
    public synchronized void recover(List<BlockJob> recorded) throws IOException {
        Map<String, JobInfo> inQemu = new LinkedHashMap<>();
        for (JobInfo q : monitor.queryJobs()) inQemu.put(q.id(), q);
        List<Runnable> after = new ArrayList<>();
        for (BlockJob r : recorded) {
            JobInfo q = inQemu.remove(r.id());
            if (r.outcome() != null) {
                keep(r);
                after.add(() -> finish(r, true));
            } else if (q == null) {
                LOG.log(System.Logger.Level.INFO, "dropping block job " + r.id() + " of " + domain
                        + ": QEMU no longer knows it");
            } else if (q.status() == JobStatus.CONCLUDED) {
                BlockJob j = r.withState(JobStatus.CONCLUDED);
                keep(j);
                after.add(() -> conclude(j, q.error(), true));
            } else {
                BlockJob j = r.withState(q.status()).withProgress(q.currentProgress(), q.totalProgress());
                keep(j);
                if (q.status() == JobStatus.READY && r.state() != JobStatus.READY && r.state() != JobStatus.STANDBY) {
                    after.add(() -> listener.ready(j));
                }
            }
        }
        for (JobInfo q : inQemu.values()) {
            LOG.log(System.Logger.Level.INFO, "ignoring job " + q.id() + " of " + domain + " that vireo did not start");
        }
        save();
        after.forEach(Runnable::run);
    }

    /** A recovered job takes its disk's place again (a record has at most one job per disk). */
    private void keep(BlockJob j) {
        try {
            places.put(j.id(), slots.beginAsync(j.kind().operation(), j.disk(), Set.of()));
        } catch (DomainBusyException e) {
            LOG.log(System.Logger.Level.WARNING, "recovered block job " + j.id() + " of " + domain + ": " + e.getMessage());
        }
        jobs.put(j.id(), j);
    }

    private void save() throws IOException {
        store.save(List.copyOf(jobs.values()));
    }

    private void saveOrWarn() {
        try {
            save();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot save the block jobs of " + domain
                    + "; a daemon restart would not find them", e);
        }
    }
}
