package dev.vireo.monitor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vireo.qmp.QmpClient;
import dev.vireo.qmp.QmpClosedException;
import dev.vireo.qmp.QmpEvent;
import dev.vireo.qmp.QmpEventListener;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

/** The {@link Monitor} over {@code dev.vireo.qmp}'s client: builds each command's JSON and reads its reply. */
public final class QmpMonitor implements Monitor {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final long POLL_MILLIS = 20;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final QmpClient client;
    private final Duration commandTimeout;

    /** @param commandTimeout the bound on a passed-through command's reply (the client's own bounds the rest) */
    public QmpMonitor(QmpClient client, Duration commandTimeout) {
        this.client = client;
        this.commandTimeout = commandTimeout;
    }

    /**
     * Connects to a QEMU's monitor socket, waiting for QEMU to create it, with {@code listener}
     * subscribed before the first event can arrive.
     *
     * <p>The connect runs on a platform thread: callers are often virtual threads, where
     * junixsocket's blocking read does not honour the handshake's socket timeout (a QEMU that
     * accepts but never greets would hang the caller for good). The caller polls it so that a
     * QEMU that exits before its monitor answers is noticed at once.
     *
     * @param timeout        the bound on the whole connect
     * @param commandTimeout the bound on each command's reply
     * @param alive          false once QEMU has exited: stop waiting at once
     */
    public static QmpMonitor connect(Path socket, Duration timeout, Duration commandTimeout, BooleanSupplier alive,
                                     MonitorListener listener) throws IOException {
        QmpClient.Options options = new QmpClient.Options(timeout, commandTimeout,
                QmpClient.Options.DEFAULTS.maxMessageBytes());
        FutureTask<QmpClient> connecting = new FutureTask<>(
                () -> QmpClient.connect(socket, options, alive, new Forwarder(listener)));
        Thread.ofPlatform().daemon().name("qmp-connect " + socket.getFileName()).start(connecting);
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            for (;;) {
                try {
                    return new QmpMonitor(connecting.get(POLL_MILLIS, TimeUnit.MILLISECONDS), commandTimeout);
                } catch (TimeoutException notYet) {
                    if (!alive.getAsBoolean()) {
                        throw new IOException("QEMU exited before its monitor " + socket + " answered");
                    }
                    if (System.nanoTime() > deadline) {
                        throw new IOException("QEMU's monitor " + socket + " did not answer within "
                                + timeout.toSeconds() + " s");
                    }
                }
            }
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while connecting to " + socket);
        } finally {
            connecting.cancel(true);
        }
    }

    /** Turns the client's events into typed ones; runs on the subscription's own thread. */
    private record Forwarder(MonitorListener listener) implements QmpEventListener {
        @Override
        public void onEvent(QmpEvent event) {
            listener.onEvent(MonitorEvent.parse(event.name(), event.timestamp(), event.data()));
        }

        @Override
        public void onClose(QmpClosedException reason) {
            listener.onClose(reason.getMessage());
        }
    }

    // --- the guest ---------------------------------------------------------------------------

    @Override
    public RunStatus queryStatus() throws IOException {
        JsonNode r = call("query-status", null);
        return new RunStatus(r.path("running").asBoolean(), r.path("status").asText());
    }

    @Override
    public List<CharDeviceInfo> queryChardev() throws IOException {
        List<CharDeviceInfo> out = new ArrayList<>();
        for (JsonNode c : call("query-chardev", null)) {
            out.add(new CharDeviceInfo(c.path("label").asText(), c.path("filename").asText(), c.path("frontend-open").asBoolean(false)));
        }
        return out;
    }

    @Override
    public Map<String, Long> queryIothreadThreads() throws IOException {
        Map<String, Long> out = new LinkedHashMap<>();
        for (JsonNode t : call("query-iothreads", null)) out.put(t.path("id").asText(), t.path("thread-id").asLong());
        return out;
    }

    @Override
    public Map<Integer, Long> queryVcpuThreads() throws IOException {
        Map<Integer, Long> out = new LinkedHashMap<>();
        for (JsonNode c : call("query-cpus-fast", null)) out.put(c.path("cpu-index").asInt(), c.path("thread-id").asLong());
        return out;
    }

    @Override
    public void cont() throws IOException {
        call("cont", null);
    }

    @Override
    public void stop() throws IOException {
        call("stop", null);
    }

    @Override
    public void systemPowerdown() throws IOException {
        call("system_powerdown", null);
    }

    @Override
    public void systemReset() throws IOException {
        call("system_reset", null);
    }

    @Override
    public void quit() throws IOException {
        call("quit", null);
    }

    @Override
    public void setPassword(String protocol, String password) throws IOException {
        call("set_password", NODES.objectNode().put("protocol", protocol).put("password", password));
    }

    @Override
    public void expirePassword(String protocol, String time) throws IOException {
        call("expire_password", NODES.objectNode().put("protocol", protocol).put("time", time));
    }

    // --- fd passing --------------------------------------------------------------------------

    @Override
    public AddedFd addFd(int fd, Integer fdsetId, String opaque) throws IOException {
        try {
            QmpClient.AddedFd added = client.addFd(fd, fdsetId, opaque);
            return new AddedFd(added.fdsetId(), added.fd());
        } catch (InterruptedException e) {
            throw interrupted("add-fd");
        }
    }

    @Override
    public void removeFd(int fdsetId, Integer fd) throws IOException {
        ObjectNode a = NODES.objectNode().put("fdset-id", fdsetId);
        if (fd != null) a.put("fd", fd);
        call("remove-fd", a);
    }

    @Override
    public List<FdSet> queryFdsets() throws IOException {
        List<FdSet> sets = new ArrayList<>();
        for (JsonNode set : call("query-fdsets", null)) {
            List<FdSet.Fd> fds = new ArrayList<>();
            for (JsonNode fd : set.path("fds")) fds.add(new FdSet.Fd(fd.path("fd").asInt(), text(fd, "opaque")));
            sets.add(new FdSet(set.path("fdset-id").asInt(), fds));
        }
        return sets;
    }

    // --- block graph -------------------------------------------------------------------------

    @Override
    public List<BlockDevice> queryBlock() throws IOException {
        List<BlockDevice> devices = new ArrayList<>();
        for (JsonNode d : call("query-block", null)) {
            JsonNode in = d.get("inserted");
            BlockDevice.Medium medium = in == null ? null : new BlockDevice.Medium(text(in, "node-name"),
                    text(in, "file"), text(in, "drv"), in.path("ro").asBoolean(), text(in, "backing_file"),
                    in.path("write_threshold").asLong(), throttle(text(d, "qdev"), in));
            devices.add(new BlockDevice(d.path("device").asText(), text(d, "qdev"), d.path("removable").asBoolean(),
                    medium, text(d, "io-status")));
        }
        return devices;
    }

    /** query-block reports a medium's limits beside its other fields, under the same keys. */
    private static IoThrottle throttle(String qdev, JsonNode inserted) {
        Map<String, Long> limits = new LinkedHashMap<>();
        for (String k : IoThrottle.KEYS) {
            if (inserted.has(k)) limits.put(k, inserted.get(k).asLong());
        }
        return new IoThrottle(qdev, limits, text(inserted, "group"));
    }

    @Override
    public List<BlockNode> queryNamedBlockNodes() throws IOException {
        List<BlockNode> nodes = new ArrayList<>();
        for (JsonNode n : call("query-named-block-nodes", NODES.objectNode().put("flat", true))) {
            nodes.add(new BlockNode(text(n, "node-name"), text(n, "drv"), text(n, "file"), n.path("ro").asBoolean(),
                    text(n, "backing_file"), n.path("image").path("virtual-size").asLong(),
                    n.path("write_threshold").asLong()));
        }
        return nodes;
    }

    @Override
    public void blockdevAdd(ObjectNode options) throws IOException {
        call("blockdev-add", options);
    }

    @Override
    public void blockdevReopen(List<ObjectNode> options) throws IOException {
        ArrayNode list = NODES.arrayNode();
        options.forEach(list::add);
        ObjectNode a = NODES.objectNode();
        a.set("options", list);
        call("blockdev-reopen", a);
    }

    @Override
    public void blockdevDel(String nodeName) throws IOException {
        call("blockdev-del", NODES.objectNode().put("node-name", nodeName));
    }

    @Override
    public void blockdevSnapshot(String node, String overlay) throws IOException {
        call("blockdev-snapshot", snapshot(node, overlay));
    }

    @Override
    public void transaction(List<TransactionAction> actions) throws IOException {
        ArrayNode list = NODES.arrayNode();
        for (TransactionAction a : actions) {
            ObjectNode action = list.addObject();
            switch (a) {
                case TransactionAction.Snapshot s -> action.put("type", "blockdev-snapshot")
                        .set("data", snapshot(s.node(), s.overlay()));
                case TransactionAction.Backup b -> action.put("type", "blockdev-backup")
                        .set("data", backup(b.backup()));
            }
        }
        ObjectNode a = NODES.objectNode();
        a.set("actions", list);
        call("transaction", a);
    }

    @Override
    public void blockResize(String nodeName, long size) throws IOException {
        call("block_resize", NODES.objectNode().put("node-name", nodeName).put("size", size));
    }

    @Override
    public void blockSetIoThrottle(IoThrottle l) throws IOException {
        ObjectNode a = NODES.objectNode().put("id", l.id());
        for (String k : IoThrottle.REQUIRED) a.put(k, l.limit(k));
        // QEMU refuses a burst length of 0 (it means "default", 1 s): optional limits only when set
        l.limits().forEach((k, v) -> {
            if (!IoThrottle.REQUIRED.contains(k) && v != 0) a.put(k, v);
        });
        putIfSet(a, "group", l.group());
        call("block_set_io_throttle", a);
    }

    @Override
    public List<BlockStats> queryBlockstats(boolean nodes) throws IOException {
        List<BlockStats> out = new ArrayList<>();
        for (JsonNode e : call("query-blockstats", NODES.objectNode().put("query-nodes", nodes))) {
            JsonNode s = e.path("stats");
            out.add(new BlockStats(e.path("device").asText(""), text(e, "qdev"), text(e, "node-name"),
                    s.path("rd_bytes").asLong(), s.path("wr_bytes").asLong(), s.path("rd_operations").asLong(),
                    s.path("wr_operations").asLong(), s.path("flush_operations").asLong(),
                    s.path("rd_total_time_ns").asLong(), s.path("wr_total_time_ns").asLong(),
                    s.path("flush_total_time_ns").asLong(), s.path("wr_highest_offset").asLong()));
        }
        return out;
    }

    @Override
    public void blockSetWriteThreshold(String nodeName, long threshold) throws IOException {
        call("block-set-write-threshold", NODES.objectNode().put("node-name", nodeName)
                .put("write-threshold", threshold));
    }

    // --- jobs --------------------------------------------------------------------------------

    @Override
    public void blockStream(BlockStream r) throws IOException {
        ObjectNode a = job(r.job()).put("device", r.device());
        putIfSet(a, "base-node", r.baseNode());
        putIfSet(a, "backing-file", r.backingFile());
        putIfSet(a, "on-error", r.onError());
        call("block-stream", a);
    }

    @Override
    public void blockCommit(BlockCommit r) throws IOException {
        ObjectNode a = job(r.job()).put("device", r.device());
        putIfSet(a, "top-node", r.topNode());
        putIfSet(a, "base-node", r.baseNode());
        putIfSet(a, "backing-file", r.backingFile());
        putIfSet(a, "on-error", r.onError());
        call("block-commit", a);
    }

    @Override
    public void blockdevMirror(BlockdevMirror r) throws IOException {
        ObjectNode a = job(r.job()).put("device", r.device()).put("target", r.target()).put("sync", r.sync());
        putIfSet(a, "copy-mode", r.copyMode());
        if (r.granularity() > 0) a.put("granularity", r.granularity());
        if (r.bufSize() > 0) a.put("buf-size", r.bufSize());
        putIfSet(a, "on-source-error", r.onSourceError());
        putIfSet(a, "on-target-error", r.onTargetError());
        call("blockdev-mirror", a);
    }

    @Override
    public void blockdevBackup(BlockdevBackup r) throws IOException {
        call("blockdev-backup", backup(r));
    }

    @Override
    public List<JobInfo> queryJobs() throws IOException {
        List<JobInfo> jobs = new ArrayList<>();
        for (JsonNode j : call("query-jobs", null)) {
            jobs.add(new JobInfo(text(j, "id"), text(j, "type"), JobStatus.ofQapi(j.path("status").asText()),
                    j.path("current-progress").asLong(), j.path("total-progress").asLong(), text(j, "error")));
        }
        return jobs;
    }

    @Override
    public List<BlockJobInfo> queryBlockJobs() throws IOException {
        List<BlockJobInfo> jobs = new ArrayList<>();
        for (JsonNode j : call("query-block-jobs", null)) {
            jobs.add(new BlockJobInfo(text(j, "device"), text(j, "type"), j.path("len").asLong(),
                    j.path("offset").asLong(), j.path("speed").asLong(), j.path("busy").asBoolean(),
                    j.path("paused").asBoolean(), j.path("ready").asBoolean(), text(j, "io-status"),
                    JobStatus.ofQapi(j.path("status").asText()), text(j, "error")));
        }
        return jobs;
    }

    @Override
    public void jobComplete(String id) throws IOException {
        call("job-complete", id(id));
    }

    @Override
    public void jobCancel(String id) throws IOException {
        call("job-cancel", id(id));
    }

    @Override
    public void blockJobCancel(String id, boolean force) throws IOException {
        call("block-job-cancel", NODES.objectNode().put("device", id).put("force", force));
    }

    @Override
    public void jobPause(String id) throws IOException {
        call("job-pause", id(id));
    }

    @Override
    public void jobResume(String id) throws IOException {
        call("job-resume", id(id));
    }

    @Override
    public void jobFinalize(String id) throws IOException {
        call("job-finalize", id(id));
    }

    @Override
    public void jobDismiss(String id) throws IOException {
        call("job-dismiss", id(id));
    }

    @Override
    public void blockJobSetSpeed(String id, long bytesPerSecond) throws IOException {
        call("block-job-set-speed", NODES.objectNode().put("device", id).put("speed", bytesPerSecond));
    }

    // --- devices -----------------------------------------------------------------------------

    @Override
    public void deviceAdd(String driver, String id, Map<String, ?> properties) throws IOException {
        ObjectNode a = NODES.objectNode().put("driver", driver).put("id", id);
        a.setAll((ObjectNode) JSON.valueToTree(properties));
        call("device_add", a);
    }

    @Override
    public void deviceDel(String id) throws IOException {
        call("device_del", NODES.objectNode().put("id", id));
    }

    @Override
    public List<PciDevice> queryPci() throws IOException {
        List<PciDevice> devices = new ArrayList<>();
        for (JsonNode bus : call("query-pci", null)) {
            pciDevices(bus.path("devices"), devices);
        }
        return devices;
    }

    private static void pciDevices(JsonNode list, List<PciDevice> out) {
        for (JsonNode d : list) {
            JsonNode bridge = d.get("pci_bridge");
            Integer secondary = bridge == null ? null : bridge.path("bus").path("secondary").asInt();
            out.add(new PciDevice(d.path("bus").asInt(), d.path("slot").asInt(), d.path("function").asInt(),
                    d.path("qdev_id").asText(""), secondary));
            if (bridge != null) pciDevices(bridge.path("devices"), out);
        }
    }

    @Override
    public void blockdevOpenTray(String id, boolean force) throws IOException {
        call("blockdev-open-tray", NODES.objectNode().put("id", id).put("force", force));
    }

    @Override
    public void blockdevCloseTray(String id) throws IOException {
        call("blockdev-close-tray", NODES.objectNode().put("id", id));
    }

    @Override
    public void blockdevRemoveMedium(String id) throws IOException {
        call("blockdev-remove-medium", NODES.objectNode().put("id", id));
    }

    @Override
    public void blockdevInsertMedium(String id, String nodeName) throws IOException {
        call("blockdev-insert-medium", NODES.objectNode().put("id", id).put("node-name", nodeName));
    }

    // --- passthrough -------------------------------------------------------------------------

    @Override
    public String humanMonitorCommand(String commandLine) throws IOException {
        return call("human-monitor-command", NODES.objectNode().put("command-line", commandLine)).asText();
    }

    @Override
    public JsonNode passThrough(ObjectNode command) throws IOException {
        try {
            return client.passThrough(command, commandTimeout);
        } catch (InterruptedException e) {
            throw interrupted(command.path("execute").asText());
        }
    }

    @Override
    public void close() {
        client.close();
    }

    @Override
    public String toString() {
        return "monitor over " + client;
    }

    // --- helpers -----------------------------------------------------------------------------

    private JsonNode call(String command, ObjectNode arguments) throws IOException {
        try {
            return client.execute(command, arguments);
        } catch (InterruptedException e) {
            throw interrupted(command);
        }
    }

    private static InterruptedIOException interrupted(String command) {
        Thread.currentThread().interrupt();
        return new InterruptedIOException("'" + command + "' interrupted");
    }

    private static ObjectNode job(JobOptions o) {
        ObjectNode a = NODES.objectNode().put("job-id", o.jobId());
        if (o.speed() > 0) a.put("speed", o.speed());
        return a.put("auto-finalize", o.autoFinalize()).put("auto-dismiss", o.autoDismiss());
    }

    private static ObjectNode backup(BlockdevBackup r) {
        return job(r.job()).put("device", r.device()).put("target", r.target()).put("sync", r.sync());
    }

    private static ObjectNode snapshot(String node, String overlay) {
        return NODES.objectNode().put("node", node).put("overlay", overlay);
    }

    private static ObjectNode id(String id) {
        return NODES.objectNode().put("id", id);
    }

    private static void putIfSet(ObjectNode o, String field, String value) {
        if (value != null) o.put(field, value);
    }

    private static String text(JsonNode o, String field) {
        JsonNode v = o.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
