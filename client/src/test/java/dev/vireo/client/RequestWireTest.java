package dev.vireo.client;

import dev.vireo.protocol.ops.BlockJobRequests.BlockCopy;
import dev.vireo.protocol.ops.DefinitionRequests.Undefine;
import dev.vireo.protocol.ops.DiskRequests.BlkDevIoTune;
import dev.vireo.protocol.ops.DiskRequests.DomStats;
import dev.vireo.protocol.ops.EmulatorRequests.Version;
import dev.vireo.protocol.ops.LifecycleRequests.Console;
import dev.vireo.protocol.ops.LifecycleRequests.Shutdown;
import dev.vireo.protocol.ops.Request;
import dev.vireo.protocol.ops.RequestArgs;
import dev.vireo.protocol.ops.SnapshotRequests.SnapshotCreate;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The request lines of a few operations, pinned: a renamed component or a changed naming rule
 * changes what goes on the wire, and older daemons and scripts read that text.
 */
class RequestWireTest {

    private static String line(Request r) {
        return VireoClient.requestLine(7, r.op(), RequestArgs.of(r));
    }

    @Test
    void snakeCaseOperationsKeepVirshsSpelling() {
        assertEquals("{\"id\":7,\"op\":\"undefine\",\"args\":{\"domain\":\"web\",\"nvram\":true,\"keep_nvram\":false,"
                + "\"keep_tpm\":true,\"snapshots_metadata\":false}}", line(new Undefine("web", true, false, true, false)));
        assertEquals("{\"id\":7,\"op\":\"snapshot-create\",\"args\":{\"domain\":\"web\",\"disk_only\":true,"
                + "\"reuse_external\":false,\"no_metadata\":false,\"quiesce\":false,\"redefine\":false,\"current\":false}}",
                line(new SnapshotCreate("web", null, true, false, false, false, false, false)));
        Map<String, Long> values = new LinkedHashMap<>();
        values.put("total_bytes_sec", 1048576L);
        values.put("read_iops_sec", 0L);
        assertEquals("{\"id\":7,\"op\":\"blkdeviotune\",\"args\":{\"domain\":\"web\",\"disk\":\"vda\",\"live\":true,"
                + "\"config\":false,\"values\":{\"total_bytes_sec\":1048576,\"read_iops_sec\":0},\"group_name\":\"g1\"}}",
                line(new BlkDevIoTune("web", "vda", true, false, values, "g1")));
    }

    @Test
    void camelCaseOperationsAndLeftOutArguments() {
        assertEquals("{\"id\":7,\"op\":\"blockcopy\",\"args\":{\"domain\":\"web\",\"disk\":\"vda\",\"dest\":\"/v/c.qcow2\","
                + "\"shallow\":true,\"reuseExternal\":false,\"blockdev\":false,\"bandwidth\":1024,\"transientJob\":true,"
                + "\"synchronousWrites\":false}}",
                line(new BlockCopy("web", "vda", "/v/c.qcow2", null, true, false, false, 1024L, null, null, true, false)));
        assertEquals("{\"id\":7,\"op\":\"shutdown\",\"args\":{\"domain\":\"web\",\"timeoutMillis\":30000}}",
                line(new Shutdown("web", 30000L)));
        assertEquals("{\"id\":7,\"op\":\"console\",\"args\":{\"domain\":\"web\",\"force\":false}}",
                line(new Console("web", null, false)));
        assertEquals("{\"id\":7,\"op\":\"domstats\",\"args\":{\"domains\":[\"a\",\"b\"],\"state\":true,\"block\":false,"
                + "\"backing\":false}}", line(new DomStats(List.of("a", "b"), true, false, false)));
        assertEquals("{\"id\":7,\"op\":\"version\",\"args\":{}}", line(new Version()));
    }
}
