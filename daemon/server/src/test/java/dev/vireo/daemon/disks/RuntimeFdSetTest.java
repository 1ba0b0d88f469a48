package dev.vireo.daemon.disks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vireo.process.ManagedProcess;
import dev.vireo.process.ProcessSpawner;
import dev.vireo.process.Signal;
import dev.vireo.process.SpawnSpec;
import dev.vireo.qmp.QmpClient;
import dev.vireo.qmp.QmpCommandException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Images passed to a real, running QEMU 7.2 over QMP, and cleaned up when a command fails. */
@DisabledIfSystemProperty(named = "vireo.skipE2E", matches = "true")
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class RuntimeFdSetTest {
    @TempDir
    Path tmp;
    ManagedProcess qemu;
    QmpClient qmp;
    Path image;

    @BeforeEach
    void start() throws Exception {
        Path socket = tmp.resolve("qmp.sock");
        // running, not paused (-S): QEMU 7.2 closes removed fds only while the VM runs
        qemu = ProcessSpawner.spawn(SpawnSpec.command("qemu-system-x86_64", "-machine", "none", "-nodefaults",
                "-display", "none", "-qmp", "unix:" + socket + ",server=on,wait=off").log(tmp.resolve("qemu.log")).build());
        qmp = QmpClient.connect(socket);
        image = tmp.resolve("target.qcow2");
        Process p = new ProcessBuilder("qemu-img", "create", "-q", "-f", "qcow2", image.toString(), "16M").inheritIO().start();
        assertEquals(0, p.waitFor());
    }

    /** Runs when start() failed midway too: whatever it spawned is killed (QEMU outlives the JVM). */
    @AfterEach
    void stop() throws Exception {
        try {
            if (qmp != null) qmp.close();
        } finally {
            if (qemu != null) {
                qemu.kill(Signal.SIGKILL);
                qemu.onExit().get(10, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void aWritableImageBecomesABlockNodeThroughItsFdSet() throws Exception {
        RuntimeFdSet set = RuntimeFdSet.pass(qmp, image, true, "snap-vda");
        JsonNode fdsets = qmp.execute("query-fdsets");
        assertEquals(1, fdsets.size(), fdsets.toString());
        assertEquals(set.fdsetId(), fdsets.get(0).get("fdset-id").asInt());
        assertEquals(List.of("snap-vda-ro", "snap-vda-rw"),
                fdsets.get(0).get("fds").findValuesAsText("opaque").stream().sorted().toList());

        qmp.execute("blockdev-add", Map.of("driver", "qcow2", "node-name", "snap",
                "file", Map.of("driver", "file", "filename", set.path())));
        JsonNode nodes = qmp.execute("query-named-block-nodes");
        assertTrue(nodes.toString().contains("\"node-name\":\"snap\"") && nodes.toString().contains("\"ro\":false"),
                nodes.toString());
    }

    @Test
    void aFailingCommandLeavesNoFdSetBehind() throws Exception {
        QmpCommandException e = assertThrows(QmpCommandException.class, () -> RuntimeFdSet.passFor(qmp, image, true,
                "mirror-vda", path -> qmp.execute("blockdev-add", Map.of("driver", "qcow2", "node-name", "bad",
                        "file", Map.of("driver", "file", "filename", path), "no-such-option", true))));
        assertTrue(e.getMessage().contains("no-such-option"), e.getMessage());
        assertEquals(0, qmp.execute("query-fdsets").size(), qmp.execute("query-fdsets").toString());
    }

    @Test
    void removeTakesAnUnusedSetAway() throws Exception {
        RuntimeFdSet set = RuntimeFdSet.pass(qmp, image, false, "backup-vda");
        assertEquals(1, qmp.execute("query-fdsets").get(0).get("fds").size(), "a read-only image passes one fd");
        set.remove();
        assertEquals(0, qmp.execute("query-fdsets").size());
    }

    @Test
    void aMissingImageIsNamedAndNothingIsPassed() throws Exception {
        IOException e = assertThrows(IOException.class,
                () -> RuntimeFdSet.pass(qmp, tmp.resolve("absent.qcow2"), true, "x"));
        assertEquals("cannot open " + tmp.resolve("absent.qcow2") + " read-only: No such file or directory", e.getMessage());
        assertEquals(0, qmp.execute("query-fdsets").size());
    }
}
