package dev.vireo.daemon.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vireo.daemon.blockjobs.BlockCommitJob;
import dev.vireo.daemon.blockjobs.BlockJobControl;
import dev.vireo.daemon.blockjobs.BlockPull;
import dev.vireo.daemon.errors.VireoError;
import dev.vireo.daemon.lifecycle.Lifecycle;
import dev.vireo.daemon.lifecycle.LiveGuest;
import dev.vireo.daemon.rpc.Operations;
import dev.vireo.protocol.ops.BlockJobRequests;
import dev.vireo.protocol.ops.BlockJobRequests.BlockCommit;
import dev.vireo.protocol.ops.BlockJobRequests.BlockJobAbort;
import dev.vireo.protocol.ops.BlockJobRequests.BlockJobPause;
import dev.vireo.protocol.ops.BlockJobRequests.BlockJobPivot;
import dev.vireo.protocol.ops.BlockJobRequests.BlockJobResume;
import dev.vireo.protocol.ops.BlockJobRequests.BlockJobSpeed;
import dev.vireo.jobs.BlockJob;
import dev.vireo.jobs.BlockJobKind;
import dev.vireo.monitor.BlockJobInfo;
import dev.vireo.monitor.JobStatus;

import java.util.Map;
import java.util.Optional;

/**
 * Long block jobs on a running guest's disks: {@code blockpull}, {@code blockcommit}, and
 * {@code blockjob} (info, abort, pivot, speed, pause, resume). Starting returns at once with the
 * job's id; clients follow the job through its {@code block-job} events (see docs/block-jobs.md).
 */
public final class BlockJobOps {
    private final Lifecycle lifecycle;
    private final BlockPull pull = new BlockPull();
    private final BlockCommitJob commit = new BlockCommitJob();

    public BlockJobOps(Lifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    /** Registers the operations and what each kind of job changes when it concludes (before recovery runs). */
    public void register(Operations ops) {
        lifecycle.onConcluded(BlockJobKind.PULL, pull);
        lifecycle.onConcluded(BlockJobKind.COMMIT, commit.conclusion());
        lifecycle.onConcluded(BlockJobKind.ACTIVE_COMMIT, commit.conclusion());
        ops.handle(BlockJobRequests.BlockPull.class, this::pull);
        ops.handle(BlockCommit.class, this::commit);
        ops.handle(BlockJobRequests.BlockJobInfo.class, this::info);
        ops.handle(BlockJobAbort.class, r -> control(r.domain(), r.disk(), "blockjob --abort", BlockJobControl::abort));
        ops.handle(BlockJobPivot.class, r -> control(r.domain(), r.disk(), "blockjob --pivot", BlockJobControl::pivot));
        ops.handle(BlockJobPause.class, r -> control(r.domain(), r.disk(), "blockjob --pause", BlockJobControl::pause));
        ops.handle(BlockJobResume.class, r -> control(r.domain(), r.disk(), "blockjob --resume", BlockJobControl::resume));
        ops.handle(BlockJobSpeed.class, this::speed);
    }

    private JsonNode pull(BlockJobRequests.BlockPull c) throws VireoError {
        BlockPull.Request r = new BlockPull.Request(c.disk(), c.base(), bandwidth(c.bandwidth()), c.keepRelative());
        BlockJob job = lifecycle.withRunning(c.domain(), "blockpull", g -> pull.start(g, r));
        return started(job);
    }

    private JsonNode commit(BlockCommit c) throws VireoError {
        BlockCommitJob.Request r = new BlockCommitJob.Request(c.disk(), c.top(), c.base(), c.shallow(), c.active(),
                c.delete(), c.keepRelative(), bandwidth(c.bandwidth()));
        BlockJob job = lifecycle.withRunning(c.domain(), "blockcommit", g -> commit.start(g, r));
        return started(job);
    }

    /**
     * Starts a commit from daemon code (snapshot deletion) on a guest whose job slot the caller
     * holds; the job concludes like one {@code blockcommit} started, then runs the
     * {@link dev.vireo.daemon.lifecycle.JobFollowUp} that {@code followUp} names.
     */
    public BlockJob startCommit(LiveGuest guest, BlockCommitJob.Request request, Map<String, String> followUp)
            throws VireoError {
        return commit.start(guest, request, followUp);
    }

    private JsonNode info(BlockJobRequests.BlockJobInfo c) throws VireoError {
        String disk = c.disk();
        Optional<BlockJobControl.Current> now = lifecycle.withRunning(c.domain(), "blockjob",
                g -> BlockJobControl.current(g, disk));
        ObjectNode out = Results.object();
        if (now.isEmpty()) {
            out.putNull("job");
            return out;
        }
        out.set("job", describe(now.get()));
        return out;
    }

    private JsonNode speed(BlockJobSpeed c) throws VireoError {
        long bandwidth = bandwidth(c.bandwidth());
        String disk = c.disk();
        BlockJob job = lifecycle.withRunning(c.domain(), "blockjob --bandwidth",
                g -> BlockJobControl.setSpeed(g, disk, bandwidth));
        return started(job);
    }

    @FunctionalInterface
    private interface Control {
        BlockJob run(LiveGuest guest, String disk) throws VireoError;
    }

    private JsonNode control(String domain, String disk, String operation, Control action) throws VireoError {
        return started(lifecycle.withRunning(domain, operation, g -> action.run(g, disk)));
    }

    /** Bytes per second; absent is no limit (0). */
    private static long bandwidth(Long given) {
        return given == null ? 0 : given;
    }

    private static JsonNode started(BlockJob job) {
        return Results.object().put("job", job.id()).put("kind", job.kind().name()).put("label", job.kind().label())
                .put("disk", job.disk());
    }

    /**
     * A job as {@code blockjob --info} shows it: {@code cur}/{@code end} as libvirt reports them
     * (a job not yet READY never shows cur == end, so nobody takes 100 % for "ready").
     */
    static ObjectNode describe(BlockJobControl.Current now) {
        BlockJob job = now.job();
        BlockJobInfo q = now.qemu();
        long end = q != null ? q.len() : job.length();
        long cur = q != null ? q.offset() : job.offset();
        // READY as the daemon saved and announced it, not QEMU's flag, which comes first: a client
        // that sees ready here can pivot at once (the "not ready for pivot" race of virsh users)
        boolean ready = job.state() == JobStatus.READY || job.state() == JobStatus.STANDBY;
        if (!ready && end > 0 && cur >= end && job.outcome() == null && job.kind().twoPhase()) cur = end - 1;
        if (end == 0) {
            end = 1;
            cur = ready ? 1 : 0;
        }
        ObjectNode o = Results.object().put("job", job.id()).put("kind", job.kind().name())
                .put("label", job.kind().label()).put("disk", job.disk())
                .put("state", (q != null ? q.status() : job.state()).qapi())
                .put("cur", cur).put("end", end).put("bandwidth", q == null ? 0 : q.speed())
                .put("ready", ready).put("paused", q != null && q.paused())
                .put("ioStatus", q == null ? null : q.ioStatus())
                .put("abortRequested", job.abortRequested());
        String error = q != null && q.error() != null ? q.error() : job.error();
        if (error == null) o.putNull("error");
        else o.put("error", error);
        return o;
    }
}
