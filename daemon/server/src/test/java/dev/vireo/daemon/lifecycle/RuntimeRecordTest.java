package dev.vireo.daemon.lifecycle;

import dev.vireo.jobs.BlockJob;
import dev.vireo.jobs.BlockJobKind;
import dev.vireo.jobs.BlockJobOutcome;
import dev.vireo.monitor.JobStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The runtime record keeps a guest's block jobs across a daemon restart, and reads records written before jobs existed. */
class RuntimeRecordTest {
    @TempDir
    Path dir;

    @Test
    void blockJobsSurviveTheRoundTrip() throws Exception {
        List<BlockJob> jobs = List.of(
                BlockJob.registered("pull-vda-vda-1", BlockJobKind.PULL, "vda", Map.of("top", "vda-0", "base", "vda-2"))
                        .withState(JobStatus.RUNNING).withProgress(512, 4096),
                BlockJob.registered("commit-vdb-vdb-0", BlockJobKind.ACTIVE_COMMIT, "vdb", Map.of("top", "vdb-0"))
                        .withAbortRequested().finished(BlockJobOutcome.FAILED, "Input/output error"));
        RuntimeRecord r = new RuntimeRecord("vm", "0f0e0d0c-0b0a-0908-0706-050403020100", 42, 7, "/run/vm.monitor", 3,
                "RUNNING", "booted", true, "<domain/>", jobs);
        Path file = dir.resolve("vm.json");
        r.write(file);
        assertEquals(r, RuntimeRecord.read(file));
    }

    @Test
    void aRecordWithoutJobsHasNone() throws Exception {
        Path file = dir.resolve("old.json");
        Files.writeString(file, """
                {"name":"vm","uuid":"0f0e0d0c-0b0a-0908-0706-050403020100","pid":42,"startTicks":7,
                 "monitor":"/run/vm.monitor","id":3,"state":"RUNNING","reason":"booted","persistent":true,
                 "liveXml":"<domain/>"}
                """);
        assertEquals(List.of(), RuntimeRecord.read(file).blockJobs());
    }
}
