package dev.vireo.monitor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vireo.qmp.QmpCommandException;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link Monitor} without QEMU, for unit tests of state machines (guest events, jobs): it
 * records every command, keeps a table of jobs that {@code query-jobs} reports and the job verbs
 * change, fails a command when told to, and hands events to its listener when the test
 * {@link #emit emits} them (on the test's thread, so a test sees their effect at once).
 * Not a QEMU model: the test says what QEMU does; real-QEMU tests check that QEMU does it.
 */
public final class FakeMonitor implements Monitor {
    /** One command the code under test sent: its QMP name and its typed argument (or null). */
    public record Call(String command, Object argument) {
    }

    private final List<Call> calls = new ArrayList<>();
    private final Map<String, JobInfo> jobs = new LinkedHashMap<>();
    private final Map<String, QmpCommandException> failures = new HashMap<>();
    private MonitorListener listener;
    private RunStatus status = new RunStatus(true, "running");
    private boolean closed;

    /** Where {@link #emit} delivers; the code under test registers itself as it would with QEMU. */
    public synchronized FakeMonitor listener(MonitorListener l) {
        this.listener = l;
        return this;
    }

    /** Delivers an event as QEMU would, on the caller's thread. */
    public void emit(MonitorEvent event) {
        MonitorListener l;
        synchronized (this) {
            l = listener;
        }
        if (l != null) l.onEvent(event);
    }

    /** A job's state change: updates the job table as QEMU would and emits JOB_STATUS_CHANGE. */
    public void jobStatus(String id, JobStatus status) {
        synchronized (this) {
            JobInfo j = jobs.get(id);
            if (status == JobStatus.NULL) jobs.remove(id);
            else if (j != null) jobs.put(id, new JobInfo(id, j.type(), status, j.currentProgress(), j.totalProgress(), j.error()));
        }
        emit(new MonitorEvent.JobStatusChange(Instant.now(), id, status));
    }

    /** Sets or replaces what query-jobs reports for a job. */
    public synchronized void job(JobInfo info) {
        jobs.put(info.id(), info);
    }

    public synchronized void forgetJob(String id) {
        jobs.remove(id);
    }

    /** The next call of {@code command} fails as QEMU would refuse it. */
    public synchronized void failNext(String command, String errorClass, String description) {
        failures.put(command, new QmpCommandException(command, errorClass, description));
    }

    public synchronized void status(RunStatus s) {
        status = s;
    }

    public synchronized List<Call> calls() {
        return List.copyOf(calls);
    }

    /** The names of the commands sent, in order. */
    public synchronized List<String> commands() {
        return calls.stream().map(Call::command).toList();
    }

    public synchronized boolean isClosed() {
        return closed;
    }

    private synchronized void record(String command, Object argument) throws IOException {
        if (closed) throw new IOException("the monitor is closed");
        calls.add(new Call(command, argument));
        QmpCommandException failure = failures.remove(command);
        if (failure != null) throw failure;
    }

    private synchronized void startJob(JobOptions job, String type, Object request, String command) throws IOException {
        record(command, request);
        if (jobs.containsKey(job.jobId())) {
            throw new QmpCommandException(command, "GenericError", "Job ID '" + job.jobId() + "' already in use");
        }
        jobs.put(job.jobId(), new JobInfo(job.jobId(), type, JobStatus.CREATED, 0, 0, null));
    }

    private synchronized void jobVerb(String command, String id) throws IOException {
        record(command, id);
        if (!jobs.containsKey(id)) throw new QmpCommandException(command, "GenericError", "Job '" + id + "' not found");
        if (command.equals("job-dismiss")) jobs.remove(id);
    }

    @Override public synchronized RunStatus queryStatus() throws IOException { record("query-status", null); return status; }
    @Override public List<CharDeviceInfo> queryChardev() throws IOException { record("query-chardev", null); return List.of(); }
    @Override public Map<String, Long> queryIothreadThreads() throws IOException { record("query-iothreads", null); return Map.of(); }
    @Override public Map<Integer, Long> queryVcpuThreads() throws IOException { record("query-cpus-fast", null); return Map.of(); }
    @Override public void cont() throws IOException { record("cont", null); }
    @Override public void stop() throws IOException { record("stop", null); }
    @Override public void systemPowerdown() throws IOException { record("system_powerdown", null); }
    @Override public void systemReset() throws IOException { record("system_reset", null); }
    @Override public void quit() throws IOException { record("quit", null); }
    @Override public void setPassword(String protocol, String password) throws IOException { record("set_password", protocol); }
    @Override public void expirePassword(String protocol, String time) throws IOException { record("expire_password", time); }

    @Override public AddedFd addFd(int fd, Integer fdsetId, String opaque) throws IOException {
        record("add-fd", opaque);
        return new AddedFd(fdsetId == null ? 0 : fdsetId, 100 + fd);
    }
    @Override public void removeFd(int fdsetId, Integer fd) throws IOException { record("remove-fd", fdsetId); }
    @Override public List<FdSet> queryFdsets() throws IOException { record("query-fdsets", null); return List.of(); }

    @Override public List<PciDevice> queryPci() throws IOException { record("query-pci", null); return List.of(); }
    @Override public void blockdevOpenTray(String id, boolean force) throws IOException { record("blockdev-open-tray", id); }
    @Override public void blockdevCloseTray(String id) throws IOException { record("blockdev-close-tray", id); }
    @Override public void blockdevRemoveMedium(String id) throws IOException { record("blockdev-remove-medium", id); }
    @Override public void blockdevInsertMedium(String id, String nodeName) throws IOException { record("blockdev-insert-medium", nodeName); }
    @Override public List<BlockDevice> queryBlock() throws IOException { record("query-block", null); return List.of(); }
    @Override public List<BlockNode> queryNamedBlockNodes() throws IOException { record("query-named-block-nodes", null); return List.of(); }
    @Override public void blockdevAdd(ObjectNode options) throws IOException { record("blockdev-add", options); }
    @Override public void blockdevReopen(List<ObjectNode> options) throws IOException { record("blockdev-reopen", List.copyOf(options)); }
    @Override public void blockdevDel(String nodeName) throws IOException { record("blockdev-del", nodeName); }
    @Override public void blockdevSnapshot(String node, String overlay) throws IOException { record("blockdev-snapshot", new TransactionAction.Snapshot(node, overlay)); }
    @Override public void transaction(List<TransactionAction> actions) throws IOException { record("transaction", List.copyOf(actions)); }
    @Override public void blockResize(String nodeName, long size) throws IOException { record("block_resize", nodeName); }
    @Override public void blockSetIoThrottle(IoThrottle limits) throws IOException { record("block_set_io_throttle", limits); }
    @Override public List<BlockStats> queryBlockstats(boolean nodes) throws IOException { record("query-blockstats", nodes); return List.of(); }
    @Override public void blockSetWriteThreshold(String nodeName, long threshold) throws IOException { record("block-set-write-threshold", nodeName); }

    @Override public void blockStream(BlockStream r) throws IOException { startJob(r.job(), "stream", r, "block-stream"); }
    @Override public void blockCommit(BlockCommit r) throws IOException { startJob(r.job(), "commit", r, "block-commit"); }
    @Override public void blockdevMirror(BlockdevMirror r) throws IOException { startJob(r.job(), "mirror", r, "blockdev-mirror"); }
    @Override public void blockdevBackup(BlockdevBackup r) throws IOException { startJob(r.job(), "backup", r, "blockdev-backup"); }

    @Override public synchronized List<JobInfo> queryJobs() throws IOException {
        record("query-jobs", null);
        return List.copyOf(jobs.values());
    }
    @Override public synchronized List<BlockJobInfo> queryBlockJobs() throws IOException {
        record("query-block-jobs", null);
        return jobs.values().stream().map(j -> new BlockJobInfo(j.id(), j.type(), j.totalProgress(), j.currentProgress(),
                0, false, j.status() == JobStatus.PAUSED, j.status() == JobStatus.READY, "ok", j.status(), j.error())).toList();
    }
    @Override public void jobComplete(String id) throws IOException { jobVerb("job-complete", id); }
    @Override public void jobCancel(String id) throws IOException { jobVerb("job-cancel", id); }
    @Override public void blockJobCancel(String id, boolean force) throws IOException { jobVerb("block-job-cancel", id); }
    @Override public void jobPause(String id) throws IOException { jobVerb("job-pause", id); }
    @Override public void jobResume(String id) throws IOException { jobVerb("job-resume", id); }
    @Override public void jobFinalize(String id) throws IOException { jobVerb("job-finalize", id); }
    @Override public void jobDismiss(String id) throws IOException { jobVerb("job-dismiss", id); }
    @Override public void blockJobSetSpeed(String id, long bytesPerSecond) throws IOException { jobVerb("block-job-set-speed", id); }

    @Override public void deviceAdd(String driver, String id, Map<String, ?> properties) throws IOException { record("device_add", id); }
    @Override public void deviceDel(String id) throws IOException { record("device_del", id); }
    @Override public String humanMonitorCommand(String commandLine) throws IOException { record("human-monitor-command", commandLine); return ""; }

    @Override public JsonNode passThrough(ObjectNode command) throws IOException {
        record(command.path("execute").asText(), command);
        return JsonNodeFactory.instance.objectNode().set("return", JsonNodeFactory.instance.objectNode());
    }

    @Override
    public synchronized void close() {
        if (closed) return;
        closed = true;
        MonitorListener l = listener;
        if (l != null) l.onClose("closed by the test");
    }
}
