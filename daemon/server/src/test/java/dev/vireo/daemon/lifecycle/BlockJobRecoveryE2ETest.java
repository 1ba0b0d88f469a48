package dev.vireo.daemon.lifecycle;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vireo.client.VireoClient;
import dev.vireo.daemon.Json;
import dev.vireo.jobs.BlockJob;
import dev.vireo.jobs.BlockJobKind;
import dev.vireo.monitor.JobStatus;
import dev.vireo.protocol.DomainEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Block jobs across a real daemon restart, with a real guest and real QEMU jobs: a job that still
 * runs is followed again and announced when it ends, a job that concluded while the daemon was
 * away is finished (dismissed in QEMU, dropped from the record), a job QEMU no longer knows is
 * dropped. The jobs are started through the monitor pass-through and entered into the runtime
 * record while the daemon is down, as the daemon itself records the jobs it starts.
 */
class BlockJobRecoveryE2ETest {
    @TempDir
    Path tmp;
    DaemonProcess daemon;

    @BeforeEach
    void start() throws Exception {
        daemon = DaemonProcess.start(tmp);
    }

    @AfterEach
    void stop() throws Exception {
        daemon.close();
    }

    /** base (with {@code dataMiB} of data) under an empty top, as a virtio disk. */
    private String chain(String dev, int dataMiB) throws Exception {
        Path base = GuestDomains.image(tmp, dev + "-base");
        if (dataMiB > 0) GuestDomains.run("qemu-io", "-f", "qcow2", "-c", "write -P 0x5a 0 " + dataMiB + "M", base.toString());
        Path top = tmp.resolve(dev + "-top.qcow2");
        GuestDomains.run("qemu-img", "create", "-q", "-f", "qcow2", "-b", base.toString(), "-F", "qcow2", top.toString());
        return """
                <disk type='file' device='disk'>
                  <driver name='qemu' type='qcow2'/>
                  <source file='%s'/>
                  <target dev='%s' bus='virtio'/>
                </disk>
                """.formatted(top, dev);
    }

    @Test
    void jobsAreFoundAgainFinishedOrDroppedAfterARestart() throws Exception {
        String xml = GuestDomains.domain("jobs", "idle", tmp.resolve("jobs.console"), chain("vda", 32) + chain("vdb", 1));
        Path record = tmp.resolve("run/qemu/jobs.json");
        try (VireoClient c = daemon.client()) {
            c.create(xml);
            // vda: 32 MiB at 1 MiB/s, still running at the restart; vdb: done before it
            c.qemuMonitorCommand("jobs", stream("pull-vda", topNode(c, "virtio-disk0"), 1 << 20));
            c.qemuMonitorCommand("jobs", stream("pull-vdb", topNode(c, "virtio-disk1"), 0));
            awaitJob(c, "pull-vdb", "concluded");
            assertEquals("running", jobs(c).getOrDefault("pull-vda", "gone"));
        }
        daemon.stop();
        RuntimeRecord r = RuntimeRecord.read(record);
        assertEquals(List.of(), r.blockJobs(), "jobs started behind the daemon's back are not its own");
        List<BlockJob> recorded = List.of(job("pull-vda", "vda"), job("pull-vdb", "vdb"), job("pull-vdc", "vdc"));
        new RuntimeRecord(r.name(), r.uuid(), r.pid(), r.startTicks(), r.monitor(), r.id(), r.state(), r.reason(),
                r.persistent(), r.liveXml(), recorded).write(record);

        daemon.start();
        try (VireoClient c = daemon.client()) {
            // vdb was finished (dismissed in QEMU), vdc dropped, vda followed again
            List<BlockJob> kept = RuntimeRecord.read(record).blockJobs();
            assertEquals(List.of("pull-vda"), kept.stream().map(BlockJob::id).toList());
            assertEquals(JobStatus.RUNNING, kept.getFirst().state());
            assertEquals(List.of("pull-vda"), List.copyOf(jobs(c).keySet()), "pull-vdb was dismissed");
            String log = Files.readString(tmp.resolve("vireod.log"));
            assertTrue(log.contains("block job pull-vdb of jobs on vdb concluded: completed"), log);
            assertTrue(log.contains("dropping block job pull-vdc of jobs: QEMU no longer knows it"), log);

            List<DomainEvent> seen = new ArrayList<>();
            VireoClient listener = daemon.client();
            listener.subscribe("jobs");
            CompletableFuture<Boolean> events = CompletableFuture.supplyAsync(() -> {
                try (listener) {
                    return listener.eventLoop(Duration.ofSeconds(60), e -> {
                        seen.add(e);
                        return !"pull-vda".equals(e.fields().get("job"));
                    });
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            c.qemuMonitorCommand("jobs", "{\"execute\":\"block-job-set-speed\",\"arguments\":{\"device\":\"pull-vda\",\"speed\":0}}");
            assertTrue(events.get(), "the end of the job was announced");
            assertEquals(2, seen.size(), seen.toString());
            DomainEvent away = seen.getFirst();
            assertEquals("pull-vdb", away.fields().get("job"), "the end of vdb, finished at the restart, is kept for later subscribers");
            assertEquals("completed", away.fields().get("status"));
            DomainEvent end = seen.getLast();
            assertEquals(new DomainEvent("jobs", "block-job", "Block Pull", "for vda completed", end.fields()), end);
            assertEquals("pull-vda", end.fields().get("job"));
            assertEquals("vda", end.fields().get("disk"));
            assertEquals("completed", end.fields().get("status"));
            assertEquals(String.valueOf(64 << 20), end.fields().get("length"), "the progress QEMU reported (the disk's size)");
            assertEquals(end.fields().get("length"), end.fields().get("offset"));
            assertEquals(null, end.fields().get("error"));
            assertEquals(List.of(), RuntimeRecord.read(record).blockJobs(), "saved before it was announced");
            assertEquals(Map.of(), jobs(c), "dismissed in QEMU");
            c.destroy("jobs");
        }
    }

    private static BlockJob job(String id, String disk) {
        return BlockJob.registered(id, BlockJobKind.PULL, disk, Map.of()).withState(JobStatus.RUNNING);
    }

    private static String stream(String id, String node, long speed) {
        return "{\"execute\":\"block-stream\",\"arguments\":{\"job-id\":\"" + id + "\",\"device\":\"" + node
                + "\",\"speed\":" + speed + ",\"auto-dismiss\":false}}";
    }

    /** The node the guest's disk reads from (the top of its chain), from query-block. */
    private static String topNode(VireoClient c, String device) throws Exception {
        for (JsonNode d : Json.MAPPER.readTree(c.qemuMonitorCommand("jobs", "{\"execute\":\"query-block\"}")).path("return")) {
            if (d.path("qdev").asText().contains(device)) return d.path("inserted").path("node-name").asText();
        }
        throw new AssertionError("no " + device + " in query-block");
    }

    /** QEMU's jobs: id to status. */
    private static Map<String, String> jobs(VireoClient c) throws Exception {
        Map<String, String> jobs = new TreeMap<>();
        for (JsonNode j : Json.MAPPER.readTree(c.qemuMonitorCommand("jobs", "{\"execute\":\"query-jobs\"}")).path("return")) {
            jobs.put(j.path("id").asText(), j.path("status").asText());
        }
        return jobs;
    }

    private static void awaitJob(VireoClient c, String id, String status) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!status.equals(jobs(c).get(id))) {
            if (System.nanoTime() > deadline) throw new AssertionError(id + " never became " + status + ": " + jobs(c));
            Thread.sleep(100);
        }
    }
}
