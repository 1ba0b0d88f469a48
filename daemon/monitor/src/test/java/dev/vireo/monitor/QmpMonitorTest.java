package dev.vireo.monitor;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vireo.process.ManagedProcess;
import dev.vireo.process.OpenMode;
import dev.vireo.process.OwnedFd;
import dev.vireo.process.ProcessSpawner;
import dev.vireo.process.Signal;
import dev.vireo.process.SpawnSpec;
import dev.vireo.qmp.QmpCommandException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The typed monitor against a real QEMU 7.2 ({@code -machine none}, no guest) with real qcow2
 * images passed as fds (add-fd with SCM_RIGHTS), the way the daemon passes them: typed results,
 * refusals, and a real block-stream and active-commit job with their JOB_STATUS_CHANGE sequences.
 */
class QmpMonitorTest {
    private static final long MIB = 1 << 20;

    @TempDir
    Path dir;
    private ManagedProcess qemu;
    private QmpMonitor monitor;
    private final LinkedBlockingQueue<MonitorEvent> events = new LinkedBlockingQueue<>();
    /** Every event in arrival order (the queue above is consumed by waits). */
    private final List<MonitorEvent> all = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startQemu() throws Exception {
        Path socket = dir.resolve("qmp.sock");
        qemu = ProcessSpawner.spawn(SpawnSpec.command("qemu-system-x86_64", "-S", "-machine", "none",
                "-nodefaults", "-display", "none", "-qmp", "unix:" + socket + ",server=on,wait=off")
                .log(dir.resolve("qemu.log")).build());
        monitor = QmpMonitor.connect(socket, Duration.ofSeconds(10), Duration.ofSeconds(30), qemu::isAlive,
                new MonitorListener() {
                    @Override
                    public void onEvent(MonitorEvent event) {
                        all.add(event);
                        events.add(event);
                    }
                });
    }

    @AfterEach
    void stopQemu() throws Exception {
        if (monitor != null) monitor.close();
        qemu.kill(Signal.SIGKILL);
        qemu.onExit().get(10, TimeUnit.SECONDS);
    }

    @Test
    void guestCommandsAndRefusals() throws Exception {
        RunStatus paused = monitor.queryStatus();
        assertFalse(paused.running());
        assertEquals("prelaunch", paused.status());
        monitor.cont();
        assertTrue(monitor.queryStatus().running());
        MonitorEvent resume = next(e -> e instanceof MonitorEvent.Resume);
        assertEquals("RESUME", resume.name());
        monitor.stop();
        assertEquals("paused", monitor.queryStatus().status());

        QmpCommandException refused = assertThrows(QmpCommandException.class, () -> monitor.jobComplete("nope"));
        assertEquals("job-complete", refused.command());
        assertEquals("GenericError", refused.errorClass());
        assertEquals("QEMU refused 'job-complete': Job not found (GenericError)", refused.getMessage());
        assertTrue(monitor.humanMonitorCommand("info version").startsWith("7.2"));
        assertEquals("CommandNotFound", monitor.passThrough(JsonNodeFactory.instance.objectNode()
                .put("execute", "no-such-command")).path("error").path("class").asText());
        assertEquals(List.of(), monitor.queryBlock());   // -nodefaults: no drive at all
        QmpCommandException noDisplay = assertThrows(QmpCommandException.class, () -> monitor.setPassword("vnc", "s3cret"));
        assertEquals("set_password", noDisplay.command());   // reached QEMU, which has no VNC display here
    }

    @Test
    void fdSetsAndNodesAndBlockStreamJobSequence() throws Exception {
        Path base = image("base.qcow2", null);
        Path top = image("top.qcow2", base);
        write(base, 0, MIB, 0x11);
        write(top, MIB, MIB, 0x22);
        addChain(base, top);

        List<BlockNode> nodes = monitor.queryNamedBlockNodes();
        BlockNode topNode = nodes.stream().filter(n -> n.nodeName().equals("top")).findFirst().orElseThrow();
        assertEquals("qcow2", topNode.driver());
        assertEquals(4 * MIB, topNode.virtualSize());
        assertFalse(topNode.readOnly());
        List<FdSet> sets = monitor.queryFdsets();
        int baseSet = sets.stream().filter(s -> s.fds().getFirst().opaque().equals("base-ro")).findFirst().orElseThrow().fdsetId();
        // QEMU names the backing node's file, which for fd-passed images is the set, not the path
        assertEquals("/dev/fdset/" + baseSet, topNode.backingFile());

        assertEquals(2, sets.size());
        assertTrue(sets.stream().anyMatch(s -> s.fds().size() == 1 && s.fds().getFirst().opaque().equals("top-rw")), sets.toString());

        monitor.cont();   // QEMU runs jobs only while the VM runs (a paused VM pauses them)
        monitor.blockStream(new BlockStream(JobOptions.tracked("pull-top"), "top", null, null));
        List<JobStatus> seen = statusesUntil("pull-top", JobStatus.CONCLUDED);
        assertEquals(JobStatus.CREATED, seen.getFirst());
        assertTrue(seen.contains(JobStatus.RUNNING), seen.toString());
        assertEquals(List.of(JobStatus.WAITING, JobStatus.PENDING, JobStatus.CONCLUDED),
                seen.subList(seen.size() - 3, seen.size()));
        // BLOCK_JOB_COMPLETED, with the progress, comes between pending and concluded
        MonitorEvent.BlockJobCompleted done = (MonitorEvent.BlockJobCompleted) all.stream()
                .filter(e -> e instanceof MonitorEvent.BlockJobCompleted).findFirst().orElseThrow();
        int at = all.indexOf(done);
        assertEquals(new MonitorEvent.JobStatusChange(all.get(at - 1).timestamp(), "pull-top", JobStatus.PENDING), all.get(at - 1));
        assertEquals(new MonitorEvent.JobStatusChange(all.get(at + 1).timestamp(), "pull-top", JobStatus.CONCLUDED), all.get(at + 1));
        assertEquals("stream", done.type());
        assertEquals("pull-top", done.device());
        assertEquals(4 * MIB, done.len());
        assertEquals(done.len(), done.offset());
        assertNull(done.error());

        // auto-dismiss off: the concluded job waits for the daemon, with its outcome
        JobInfo concluded = monitor.queryJobs().getFirst();
        assertEquals(new JobInfo("pull-top", "stream", JobStatus.CONCLUDED, 4 * MIB, 4 * MIB, null), concluded);
        monitor.jobDismiss("pull-top");
        assertEquals(JobStatus.NULL, ((MonitorEvent.JobStatusChange) next(e -> e instanceof MonitorEvent.JobStatusChange)).status());
        assertEquals(List.of(), monitor.queryJobs());
        assertNull(monitor.queryNamedBlockNodes().stream().filter(n -> n.nodeName().equals("top")).findFirst()
                .orElseThrow().backingFile());

        // the base left the graph: its node and fd set can go
        monitor.blockdevDel("base");   // its file child, added inline, goes with it
        monitor.removeFd(baseSet, null);
        assertEquals(1, monitor.queryFdsets().size());
    }

    @Test
    void activeCommitBecomesReadyThenCompletes() throws Exception {
        Path base = image("base.qcow2", null);
        Path top = image("top.qcow2", base);
        write(top, 0, MIB, 0x33);
        addChain(base, top);
        // QEMU reopens the base read-write to commit into it: its set needs an O_RDWR fd (research §2.3)
        int baseSet = monitor.queryFdsets().stream().filter(s -> s.fds().getFirst().opaque().equals("base-ro"))
                .findFirst().orElseThrow().fdsetId();
        try (OwnedFd rw = OwnedFd.open(base, OpenMode.READ_WRITE)) {
            assertEquals(baseSet, monitor.addFd(rw.fd(), baseSet, "base-rw").fdsetId());
        }
        monitor.cont();

        monitor.blockCommit(new BlockCommit(JobOptions.tracked("commit-top"), "top", "top", "base", null));
        assertEquals(JobStatus.READY, statusesUntil("commit-top", JobStatus.READY).getLast());
        MonitorEvent.BlockJobReady ready = (MonitorEvent.BlockJobReady) next(e -> e instanceof MonitorEvent.BlockJobReady);
        assertEquals("commit-top", ready.device());
        assertEquals("commit", ready.type());
        assertEquals(ready.len(), ready.offset());
        monitor.jobComplete("commit-top");
        statusesUntil("commit-top", JobStatus.CONCLUDED);
        assertEquals(JobStatus.CONCLUDED, monitor.queryJobs().getFirst().status());
        monitor.jobDismiss("commit-top");
    }

    @Test
    void writeThresholdResizeAndStats() throws Exception {
        Path base = image("base.qcow2", null);
        Path top = image("top.qcow2", base);
        addChain(base, top);
        monitor.blockSetWriteThreshold("top-file", 1);
        assertEquals(1, monitor.queryNamedBlockNodes().stream().filter(n -> n.nodeName().equals("top-file"))
                .findFirst().orElseThrow().writeThreshold());
        monitor.blockResize("top", 8 * MIB);
        assertEquals(8 * MIB, monitor.queryNamedBlockNodes().stream().filter(n -> n.nodeName().equals("top"))
                .findFirst().orElseThrow().virtualSize());
        assertTrue(monitor.queryBlockstats(true).stream().anyMatch(s -> "top".equals(s.nodeName())));
    }

    // --- helpers -----------------------------------------------------------------------------

    /** Passes the images as the daemon does: one fd set each, base read-only, top read-write, locking off. */
    private void addChain(Path base, Path top) throws IOException {
        try (OwnedFd ro = OwnedFd.open(base, OpenMode.READ_ONLY); OwnedFd rw = OwnedFd.open(top, OpenMode.READ_WRITE)) {
            AddedFd baseSet = monitor.addFd(ro.fd(), null, "base-ro");
            AddedFd topSet = monitor.addFd(rw.fd(), null, "top-rw");
            monitor.blockdevAdd(node("base", true, baseSet.path()));
            ObjectNode topOptions = node("top", false, topSet.path());
            topOptions.put("backing", "base");
            monitor.blockdevAdd(topOptions);
        }
    }

    private static ObjectNode node(String name, boolean readOnly, String fdset) {
        ObjectNode file = JsonNodeFactory.instance.objectNode().put("driver", "file").put("filename", fdset)
                .put("node-name", name + "-file").put("locking", "off");
        ObjectNode o = JsonNodeFactory.instance.objectNode().put("driver", "qcow2").put("node-name", name)
                .put("read-only", readOnly).put("auto-read-only", false);
        o.set("file", file);
        if (readOnly) o.putNull("backing");
        return o;
    }

    private Path image(String name, Path backing) throws Exception {
        Path p = dir.resolve(name);
        List<String> argv = new ArrayList<>(List.of("qemu-img", "create", "-q", "-f", "qcow2"));
        if (backing != null) argv.addAll(List.of("-b", backing.toString(), "-F", "qcow2"));
        argv.addAll(List.of(p.toString(), Long.toString(4 * MIB)));
        run(argv);
        return p;
    }

    private static void write(Path image, long offset, long length, int pattern) throws Exception {
        run(List.of("qemu-io", "-f", "qcow2", "-c", "write -P " + pattern + " " + offset + " " + length, image.toString()));
    }

    private static void run(List<String> argv) throws Exception {
        Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) fail(argv + " failed: " + out);
    }

    private MonitorEvent next(Predicate<MonitorEvent> wanted) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        for (;;) {
            MonitorEvent e = events.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (e == null) fail("no event of the kind expected within 30 s");
            if (wanted.test(e)) return e;
        }
    }

    /** The job's statuses from its JOB_STATUS_CHANGE events, up to and including {@code last}. */
    private List<JobStatus> statusesUntil(String job, JobStatus last) throws InterruptedException {
        List<JobStatus> seen = new ArrayList<>();
        while (seen.isEmpty() || seen.getLast() != last) {
            MonitorEvent.JobStatusChange c = (MonitorEvent.JobStatusChange) next(
                    e -> e instanceof MonitorEvent.JobStatusChange j && j.id().equals(job));
            seen.add(c.status());
        }
        assertNotNull(seen);
        return seen;
    }
}
