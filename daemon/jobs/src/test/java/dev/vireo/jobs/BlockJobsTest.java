package dev.vireo.jobs;

import dev.vireo.monitor.BlockCommit;
import dev.vireo.monitor.BlockdevBackup;
import dev.vireo.monitor.BlockStream;
import dev.vireo.monitor.FakeMonitor;
import dev.vireo.monitor.JobInfo;
import dev.vireo.monitor.JobOptions;
import dev.vireo.monitor.JobStatus;
import dev.vireo.monitor.MonitorEvent;
import dev.vireo.monitor.TransactionAction;
import dev.vireo.qmp.QmpCommandException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The block job state machine driven through the fake monitor: created, running, ready,
 * concluded with and without error, cancelled, and a daemon restart in each state.
 */
class BlockJobsTest {
    private final FakeMonitor qemu = new FakeMonitor();
    /** Every list of jobs saved, in order: the runtime record's history. */
    private final List<List<BlockJob>> saved = new ArrayList<>();
    /** What the listener heard, in order. */
    private final List<String> heard = new ArrayList<>();
    private DomainJobs slots = new DomainJobs("vm1", Duration.ofMillis(100));
    private final BlockJobs jobs = newTracker();

    private BlockJobs newTracker() {
        BlockJobs tracker = new BlockJobs(slots, qemu, saved::add, new BlockJobListener() {
            @Override
            public void concluded(BlockJob job) {
                heard.add("apply " + job.id() + " " + job.outcome().word()
                        + (saved.getLast().stream().anyMatch(j -> j.id().equals(job.id())) ? " (still recorded)" : ""));
            }

            @Override
            public void ready(BlockJob job) {
                heard.add("ready " + job.id());
            }

            @Override
            public void ended(BlockJob job) {
                heard.add("ended " + job.id() + " " + job.outcome().word()
                        + (job.error() == null ? "" : ": " + job.error()));
            }
        });
        qemu.listener(tracker::onEvent);
        return tracker;
    }

    private static final BlockJob PULL = BlockJob.registered("pull-vda-vda-1", BlockJobKind.PULL, "vda",
            Map.of("top", "vda-0", "base", "vda-2"));
    private static final BlockJob ACTIVE = BlockJob.registered("commit-vda-vda-0", BlockJobKind.ACTIVE_COMMIT, "vda",
            Map.of("top", "vda-0", "base", "vda-1"));

    private void startPull() throws Exception {
        jobs.start(PULL, m -> m.blockStream(new BlockStream(JobOptions.tracked(PULL.id()), "vda-0", "vda-2", "/img/base.qcow2")));
    }

    private void startActiveCommit() throws Exception {
        jobs.start(ACTIVE, m -> m.blockCommit(new BlockCommit(JobOptions.tracked(ACTIVE.id()), "vda-0", "vda-0", "vda-1", null)));
    }

    @Test
    void pullRunsToCompletion() throws Exception {
        startPull();
        assertEquals(List.of(PULL), saved.getFirst(), "recorded before QEMU was asked to start it");
        assertEquals(List.of("block-stream"), qemu.commands());
        for (JobStatus s : List.of(JobStatus.CREATED, JobStatus.RUNNING, JobStatus.WAITING, JobStatus.PENDING)) {
            qemu.jobStatus(PULL.id(), s);
            assertEquals(s, jobs.job(PULL.id()).orElseThrow().state());
            assertEquals(s, saved.getLast().getFirst().state());
        }
        qemu.emit(new MonitorEvent.BlockJobCompleted(Instant.now(), "stream", PULL.id(), 4096, 4096, 0, null));
        qemu.jobStatus(PULL.id(), JobStatus.CONCLUDED);

        assertEquals(List.of("apply pull-vda-vda-1 completed (still recorded)", "ended pull-vda-vda-1 completed"), heard);
        assertEquals(List.of("block-stream", "query-jobs", "job-dismiss"), qemu.commands());
        assertEquals(List.of(), saved.getLast());
        assertEquals(List.of(), jobs.list());
        BlockJob applied = saved.get(saved.size() - 2).getFirst();
        assertEquals(BlockJobOutcome.COMPLETED, applied.outcome());
        assertEquals(4096, applied.offset());
        assertEquals(4096, applied.length());
    }

    @Test
    void concludedWithErrorFails() throws Exception {
        startPull();
        qemu.jobStatus(PULL.id(), JobStatus.CREATED);
        qemu.jobStatus(PULL.id(), JobStatus.RUNNING);
        qemu.job(new JobInfo(PULL.id(), "stream", JobStatus.ABORTING, 512, 4096, "Input/output error"));
        qemu.jobStatus(PULL.id(), JobStatus.ABORTING);
        qemu.jobStatus(PULL.id(), JobStatus.CONCLUDED);
        assertEquals(List.of("apply pull-vda-vda-1 failed (still recorded)",
                "ended pull-vda-vda-1 failed: Input/output error"), heard);
        assertEquals(List.of(), saved.getLast());
    }

    @Test
    void activeCommitReadyThenPivot() throws Exception {
        startActiveCommit();
        assertThrows(IllegalStateException.class, () -> jobs.pivot(ACTIVE.id()), "not ready for pivot yet");
        qemu.jobStatus(ACTIVE.id(), JobStatus.CREATED);
        qemu.jobStatus(ACTIVE.id(), JobStatus.RUNNING);
        qemu.jobStatus(ACTIVE.id(), JobStatus.READY);
        assertEquals(List.of("ready commit-vda-vda-0"), heard);
        assertEquals(JobStatus.READY, saved.getLast().getFirst().state(), "saved before READY is announced");
        // standby (paused while ready) and back: READY is announced once
        qemu.jobStatus(ACTIVE.id(), JobStatus.STANDBY);
        qemu.jobStatus(ACTIVE.id(), JobStatus.READY);
        assertEquals(List.of("ready commit-vda-vda-0"), heard);

        jobs.pivot(ACTIVE.id());
        qemu.jobStatus(ACTIVE.id(), JobStatus.WAITING);
        qemu.jobStatus(ACTIVE.id(), JobStatus.PENDING);
        qemu.jobStatus(ACTIVE.id(), JobStatus.CONCLUDED);
        assertEquals(List.of("ready commit-vda-vda-0", "apply commit-vda-vda-0 completed (still recorded)",
                "ended commit-vda-vda-0 completed"), heard);
        assertEquals(List.of("block-commit", "job-complete", "query-jobs", "job-dismiss"), qemu.commands());
    }

    @Test
    void abortOfAReadyJobIsCanceledThoughQemuSaysCompleted() throws Exception {
        startActiveCommit();
        qemu.jobStatus(ACTIVE.id(), JobStatus.CREATED);
        qemu.jobStatus(ACTIVE.id(), JobStatus.READY);
        jobs.abort(ACTIVE.id());
        assertTrue(saved.getLast().getFirst().abortRequested(), "the intention is saved before the cancel is sent");
        qemu.jobStatus(ACTIVE.id(), JobStatus.WAITING);
        qemu.emit(new MonitorEvent.BlockJobCompleted(Instant.now(), "commit", ACTIVE.id(), 10, 10, 0, null));
        qemu.jobStatus(ACTIVE.id(), JobStatus.CONCLUDED);
        assertEquals("ended commit-vda-vda-0 canceled", heard.getLast());
    }

    @Test
    void aCancelledRunningJobEndsCanceledThoughQemuReportsAnError() throws Exception {
        startPull();
        qemu.jobStatus(PULL.id(), JobStatus.RUNNING);
        jobs.abort(PULL.id());
        qemu.jobStatus(PULL.id(), JobStatus.ABORTING);
        qemu.job(new JobInfo(PULL.id(), "stream", JobStatus.CONCLUDED, 1, 10, "Operation canceled"));
        qemu.jobStatus(PULL.id(), JobStatus.CONCLUDED);
        assertEquals("ended pull-vda-vda-1 canceled", heard.getLast());
    }

    @Test
    void refusedStartLeavesNothingRecorded() {
        qemu.failNext("block-stream", "GenericError", "Could not create node: Failed to get \"write\" lock");
        QmpCommandException e = assertThrows(QmpCommandException.class, this::startPull);
        assertEquals("GenericError", e.errorClass());
        assertEquals(List.of(), jobs.list());
        assertEquals(List.of(), saved.getLast());
        assertThrows(IllegalStateException.class, () -> jobs.abort(PULL.id()));
    }

    @Test
    void unsavableRecordStartsNothing() {
        BlockJobs broken = new BlockJobs(slots, qemu, list -> {
            throw new IOException("disk full");
        }, new BlockJobListener() {
            public void concluded(BlockJob job) { }
            public void ready(BlockJob job) { }
            public void ended(BlockJob job) { }
        });
        assertThrows(IOException.class, () -> broken.start(PULL, m -> m.blockStream(null)));
        assertEquals(List.of(), qemu.commands());
        assertEquals(List.of(), broken.list());
    }

    @Test
    void aJobHoldsItsDiskUntilItEndsWhileTheDomainStaysFree() throws Exception {
        startPull();
        BlockJob second = BlockJob.registered("commit-vda-vda-1", BlockJobKind.COMMIT, "vda", Map.of());
        DomainBusyException busy = assertThrows(DomainBusyException.class, () -> jobs.start(second, m -> m.blockCommit(null)));
        assertTrue(busy.getMessage().startsWith("domain 'vm1' is busy: operation 'blockpull' on vda runs"), busy.getMessage());
        assertEquals(List.of("block-stream"), qemu.commands(), "the second job was not sent to QEMU");
        slots.begin("suspend").close();   // lifecycle commands run beside it
        qemu.jobStatus(PULL.id(), JobStatus.CONCLUDED);
        assertEquals(List.of(), slots.asyncJobs());
        jobs.start(second, m -> m.blockCommit(new BlockCommit(JobOptions.tracked(second.id()), "vda-0", "vda-1", "vda-2", "/b")));
        assertEquals(1, slots.asyncJobs().size());
    }

    @Test
    void jobsStartedTogetherAreRecordedBeforeTheTransactionAndEndOneByOne() throws Exception {
        BlockJob vda = BlockJob.registered("backup-vda-libvirt-1-format", BlockJobKind.BACKUP, "vda", Map.of("target", "libvirt-4-format"));
        BlockJob vdb = BlockJob.registered("backup-vdb-libvirt-3-format", BlockJobKind.BACKUP, "vdb", Map.of("target", "libvirt-5-format"));
        List<TransactionAction> actions = List.of(
                new TransactionAction.Backup(new BlockdevBackup(JobOptions.tracked(vda.id()), "libvirt-1-format", "libvirt-4-format", "full")),
                new TransactionAction.Backup(new BlockdevBackup(JobOptions.tracked(vdb.id()), "libvirt-3-format", "libvirt-5-format", "full")));
        jobs.startAll(List.of(vda, vdb), m -> m.transaction(actions));
        assertEquals(List.of(vda, vdb), saved.getFirst(), "both recorded before QEMU was asked");
        assertEquals(List.of("transaction"), qemu.commands());
        assertEquals(2, slots.asyncJobs().size());
        qemu.job(new JobInfo(vda.id(), "backup", JobStatus.CONCLUDED, 1, 1, null));
        qemu.job(new JobInfo(vdb.id(), "backup", JobStatus.RUNNING, 0, 1, null));
        qemu.jobStatus(vda.id(), JobStatus.CONCLUDED);
        assertEquals(List.of(vdb.id()), jobs.list().stream().map(BlockJob::id).toList());
        assertEquals(List.of("apply " + vda.id() + " completed (still recorded)", "ended " + vda.id() + " completed"), heard);
    }

    @Test
    void aRefusedTransactionLeavesNoJobAndFreesEveryDisk() throws Exception {
        BlockJob vda = BlockJob.registered("backup-vda-n", BlockJobKind.BACKUP, "vda", Map.of());
        BlockJob vdb = BlockJob.registered("backup-vdb-n", BlockJobKind.BACKUP, "vdb", Map.of());
        qemu.failNext("transaction", "GenericError", "nope");
        assertThrows(QmpCommandException.class, () -> jobs.startAll(List.of(vda, vdb), m -> m.transaction(List.of())));
        assertEquals(List.of(), jobs.list());
        assertEquals(List.of(), saved.getLast());
        assertEquals(List.of(), slots.asyncJobs());

        startPull();
        assertThrows(DomainBusyException.class, () -> jobs.startAll(List.of(vdb, vda), m -> m.transaction(List.of())));
        assertEquals(List.of(PULL), jobs.list(), "a disk already in a job: none of the group stays");
        assertEquals(1, slots.asyncJobs().size());
    }

    @Test
    void aRefusedStartFreesTheDisk() {
        qemu.failNext("block-stream", "GenericError", "nope");
        assertThrows(QmpCommandException.class, this::startPull);
        assertEquals(List.of(), slots.asyncJobs());
    }

    @Test
    void whenQemuStopsRunningJobsEndFailedAndFreeTheirDisks() throws Exception {
        startPull();
        qemu.jobStatus(PULL.id(), JobStatus.RUNNING);
        jobs.guestStopped();
        assertEquals(List.of("ended pull-vda-vda-1 failed: QEMU exited"), heard);
        assertEquals(List.of(), jobs.list());
        assertEquals(List.of(), slots.asyncJobs());
    }

    @Test
    void eventsOfOtherJobsAreIgnored() throws Exception {
        startPull();
        qemu.emit(new MonitorEvent.JobStatusChange(Instant.now(), "someone-elses", JobStatus.CONCLUDED));
        assertEquals(List.of(), heard);
        assertEquals(1, jobs.list().size());
    }

    // --- daemon restart ----------------------------------------------------------------------

    /** A job the old daemon recorded in {@code recorded} state while QEMU went on to {@code now}. */
    private BlockJobs restartWith(BlockJob recorded, JobInfo now) throws IOException {
        if (now != null) qemu.job(now);
        heard.clear();
        slots = new DomainJobs("vm1", Duration.ofMillis(100));   // a new daemon: no job holds a disk yet
        BlockJobs restarted = newTracker();
        restarted.recover(List.of(recorded));
        return restarted;
    }

    @ParameterizedTest
    @EnumSource(value = JobStatus.class, names = {"CREATED", "RUNNING", "PAUSED", "STANDBY", "WAITING", "PENDING", "ABORTING"})
    void restartWhileTheJobRunsFollowsItAgain(JobStatus inQemu) throws Exception {
        BlockJob recorded = PULL.withState(JobStatus.RUNNING);
        BlockJobs restarted = restartWith(recorded, new JobInfo(PULL.id(), "stream", inQemu, 100, 4096, null));
        BlockJob j = restarted.job(PULL.id()).orElseThrow();
        assertEquals(inQemu, j.state());
        assertEquals(100, j.offset());
        assertEquals(List.of(j), saved.getLast());
        assertEquals(List.of(), heard);
        assertEquals(List.of("query-jobs"), qemu.commands());
        assertEquals("blockpull", slots.asyncJobs().getFirst().operation(), "the job holds its disk again");

        qemu.listener(restarted::onEvent);
        qemu.jobStatus(PULL.id(), JobStatus.CONCLUDED);
        assertEquals("ended pull-vda-vda-1 completed", heard.getLast());
        assertEquals(List.of(), saved.getLast());
    }

    @Test
    void restartAfterItBecameReadyAnnouncesReady() throws Exception {
        BlockJobs restarted = restartWith(ACTIVE.withState(JobStatus.RUNNING),
                new JobInfo(ACTIVE.id(), "commit", JobStatus.READY, 10, 10, null));
        assertEquals(List.of("ready commit-vda-vda-0"), heard);
        assertEquals(JobStatus.READY, restarted.job(ACTIVE.id()).orElseThrow().state());
        // recorded READY already: announced before the restart, not again
        heard.clear();
        slots = new DomainJobs("vm1", Duration.ofMillis(100));
        newTracker().recover(List.of(ACTIVE.withState(JobStatus.READY)));
        assertEquals(List.of(), heard);
    }

    @Test
    void restartAfterItConcludedFinishesItNow() throws Exception {
        BlockJobs restarted = restartWith(PULL.withState(JobStatus.RUNNING),
                new JobInfo(PULL.id(), "stream", JobStatus.CONCLUDED, 4096, 4096, null));
        assertEquals(List.of("apply pull-vda-vda-1 completed (still recorded)", "ended pull-vda-vda-1 completed"), heard);
        assertEquals(List.of("query-jobs", "job-dismiss"), qemu.commands());
        assertEquals(List.of(), restarted.list());
        assertEquals(List.of(), saved.getLast());
        assertEquals(List.of(), slots.asyncJobs());
    }

    @Test
    void restartAfterItConcludedWithAnErrorFailsIt() throws Exception {
        restartWith(PULL.withState(JobStatus.RUNNING),
                new JobInfo(PULL.id(), "stream", JobStatus.CONCLUDED, 10, 4096, "No space left on device"));
        assertEquals("ended pull-vda-vda-1 failed: No space left on device", heard.getLast());
    }

    @Test
    void restartAfterTheResultWasAppliedOnlyDismissesAndReports() throws Exception {
        BlockJob applied = PULL.finished(BlockJobOutcome.COMPLETED, null);
        restartWith(applied, new JobInfo(PULL.id(), "stream", JobStatus.CONCLUDED, 4096, 4096, null));
        assertEquals(List.of("ended pull-vda-vda-1 completed"), heard, "the result is not applied twice");
        assertEquals(List.of("query-jobs", "job-dismiss"), qemu.commands());
        assertEquals(List.of(), saved.getLast());
    }

    @Test
    void restartDropsJobsQemuNoLongerKnowsAndIgnoresOnesItNeverStarted() throws Exception {
        qemu.job(new JobInfo("foreign", "backup", JobStatus.RUNNING, 0, 1, null));
        BlockJobs restarted = restartWith(PULL.withState(JobStatus.RUNNING), null);
        assertEquals(List.of(), restarted.list());
        assertEquals(List.of(), saved.getLast());
        assertEquals(List.of(), heard);
        assertEquals(List.of("query-jobs"), qemu.commands(), "the foreign job is left alone");
    }

    @Test
    void theDismissalOfAnEarlierJobWithTheSameIdDoesNotEndTheNewOne() throws Exception {
        startPull();
        qemu.jobStatus(PULL.id(), JobStatus.NULL);   // queued behind the new start: the previous job's
        assertEquals(JobStatus.UNDEFINED, jobs.job(PULL.id()).orElseThrow().state());
        assertEquals(List.of(), heard);
        qemu.jobStatus(PULL.id(), JobStatus.CREATED);
        assertEquals(JobStatus.CREATED, jobs.job(PULL.id()).orElseThrow().state());
    }

    @Test
    void aJobDismissedBehindTheDaemonsBackEndsFailed() throws Exception {
        startPull();
        qemu.jobStatus(PULL.id(), JobStatus.CREATED);
        qemu.jobStatus(PULL.id(), JobStatus.NULL);
        assertEquals("ended pull-vda-vda-1 failed: the job vanished from QEMU before it was seen to conclude", heard.getLast());
        assertNull(jobs.job(PULL.id()).orElse(null));
    }
}
