package dev.vireo.daemon.lifecycle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vireo.client.VireoClient;
import dev.vireo.client.VireoException;
import dev.vireo.protocol.DiskInfo;
import dev.vireo.protocol.DiskStats;
import dev.vireo.protocol.ErrorCodes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** domblkstat and domblkinfo against a TCG guest that keeps rewriting its disk (real vireod, QEMU 7.2). */
@DisabledIfSystemProperty(named = "vireo.skipE2E", matches = "true")
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class DiskStatsE2ETest {
    @TempDir
    Path tmp;
    DaemonProcess daemon;

    @AfterEach
    void stop() throws Exception {
        if (daemon != null) daemon.close();
    }

    @Test
    void countersMoveWithTheGuestsWritesAndEqualQueryBlockstatsAndSizesEqualTheFiles() throws Exception {
        GuestDomains.guest();
        daemon = DaemonProcess.start(tmp);
        Path image = GuestDomains.image(tmp, "stats");
        String xml = GuestDomains.domain("stats", "rewrite", tmp.resolve("stats.console"), """
                <disk type='file' device='disk'>
                  <driver name='qemu' type='qcow2' copy_on_read='on'/>
                  <source file='%s'/>
                  <target dev='vda' bus='virtio'/>
                </disk>
                <disk type='file' device='cdrom'>
                  <target dev='hdc' bus='ide'/>
                  <readonly/>
                </disk>
                """.formatted(image));
        try (VireoClient c = daemon.client()) {
            c.define(xml);
            VireoException notRunning = assertThrows(VireoException.class, () -> c.domBlkStat("stats", "vda"));
            assertEquals(ErrorCodes.OPERATION_INVALID, notRunning.code());
            c.start("stats");
            daemon.awaitConsole("stats", "VIREO-GUEST-ROUND 1 ");
            DiskStats before = c.domBlkStat("stats", "vda");
            daemon.awaitConsole("stats", "VIREO-GUEST-ROUND 3 ");
            c.suspend("stats"); // the counters hold still while we compare them with QEMU's
            DiskStats after = c.domBlkStat("stats", "vda");
            assertTrue(after.wrBytes() > before.wrBytes() && after.wrReq() > before.wrReq()
                    && after.flushOperations() > before.flushOperations()
                    && after.wrTotalTimes() > before.wrTotalTimes(), before + " -> " + after);
            assertTrue(after.wrBytes() >= 3 << 20, "three rounds of 1 MiB written: " + after);

            JsonNode vda = deviceStats(c, "libvirt-CoR-vda");
            assertEquals(new DiskStats("vda", vda.get("rd_operations").asLong(), vda.get("rd_bytes").asLong(),
                    vda.get("wr_operations").asLong(), vda.get("wr_bytes").asLong(),
                    vda.get("flush_operations").asLong(), vda.get("rd_total_time_ns").asLong(),
                    vda.get("wr_total_time_ns").asLong(), vda.get("flush_total_time_ns").asLong()), after);

            // the source path names the disk too; the empty cdrom did nothing; no disk: the sum
            assertEquals(after, c.domBlkStat("stats", image.toString()));
            assertEquals(new DiskStats("hdc", 0, 0, 0, 0, 0, 0, 0, 0), c.domBlkStat("stats", "hdc"));
            DiskStats all = c.domBlkStat("stats", null);
            assertEquals("", all.disk());
            assertEquals(after.fields(), all.fields());

            VireoException wrong = assertThrows(VireoException.class, () -> c.domBlkStat("stats", "vdz"));
            assertEquals(ErrorCodes.INVALID_ARGUMENT, wrong.code());
            assertTrue(wrong.getMessage().startsWith("invalid path: vdz: domain 'stats' has no"), wrong.getMessage());

            // domblkinfo of the fd-passed image (libvirt 9 refuses these) equals stat(1)'s view
            DiskInfo expected = new DiskInfo("vda", 64L << 20, allocated(image), Files.size(image));
            assertEquals(List.of(expected), c.domBlkInfo("stats", "vda"));
            assertTrue(expected.physical() > 1 << 20, "the guest's 1 MiB of writes grew the image: " + expected);
            assertEquals(List.of(expected, new DiskInfo("hdc", null, null, null)), c.domBlkInfo("stats", null));
            VireoException empty = assertThrows(VireoException.class, () -> c.domBlkInfo("stats", "hdc"));
            assertEquals("disk 'hdc' does not currently have a source assigned", empty.getMessage());
            assertEquals(ErrorCodes.INVALID_ARGUMENT,
                    assertThrows(VireoException.class, () -> c.domBlkInfo("stats", "vdz")).code());
            c.destroy("stats");
            // and of a shut-off domain
            assertEquals(List.of(expected), c.domBlkInfo("stats", image.toString()));
        }
    }

    /** st_blocks * 512, as stat(1) reports it. */
    private static long allocated(Path file) throws Exception {
        String[] blocks = GuestDomains.run("stat", "-c", "%b %B", file.toString()).trim().split(" ");
        return Long.parseLong(blocks[0]) * Long.parseLong(blocks[1]);
    }

    /** QEMU's own counters of the device whose root is {@code node}. */
    private static JsonNode deviceStats(VireoClient c, String node) throws Exception {
        JsonNode reply = new ObjectMapper().readTree(c.qemuMonitorCommand("stats", "{\"execute\":\"query-blockstats\"}"));
        for (JsonNode e : reply.get("return")) {
            if (node.equals(e.path("node-name").asText())) return e.get("stats");
        }
        throw new AssertionError("no query-blockstats entry for " + node + ": " + reply);
    }
}
