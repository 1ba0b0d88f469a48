package dev.vireo.cli;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** vireo's lifecycle commands on a real QEMU 7.2 (a diskless guest that idles in its firmware). */
@DisabledIfSystemProperty(named = "vireo.skipE2E", matches = "true")
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class CliLifecycleTest {
    @TempDir
    Path tmp;
    CliDaemon vireod;

    @BeforeEach
    void start() throws Exception {
        vireod = CliDaemon.start(tmp);
    }

    @AfterEach
    void stop() {
        vireod.close();
    }

    private Run vireo(String... args) {
        return vireod.vireo(args);
    }

    @Test
    void startSuspendResumeRebootMonitorDestroy() throws Exception {
        Path file = tmp.resolve("idler.xml");
        Files.writeString(file, """
                <domain type='qemu'>
                  <name>idler</name>
                  <memory unit='MiB'>32</memory>
                  <os><type arch='x86_64' machine='pc'>hvm</type></os>
                  <devices><emulator>/usr/bin/qemu-system-x86_64</emulator></devices>
                </domain>
                """);
        assertEquals(0, vireo("define", file.toString()).exit());
        assertEquals(new Run(0, "Domain idler started\n\n", ""), vireo("start", "idler"));
        assertEquals(new Run(0, """
                 Id    Name                           State
                ----------------------------------------------------
                 1     idler                          running

                """, ""), vireo("list"));
        assertEquals(new Run(0, "Domain idler suspended\n\n", ""), vireo("suspend", "1"));
        assertEquals(new Run(0, "paused (user)\n\n", ""), vireo("domstate", "--reason", "idler"));
        assertEquals(new Run(0, "Domain idler resumed\n\n", ""), vireo("resume", "idler"));
        assertEquals(new Run(0, "Domain idler is being rebooted\n\n", ""), vireo("reboot", "idler"));
        assertEquals(new Run(0, "{\"return\":{\"name\":\"idler\"}}\n", ""),
                vireo("qemu-monitor-command", "idler", "{\"execute\":", "\"query-name\"}"));
        Run bad = vireo("qemu-monitor-command", "idler", "{\"execute\":\"no-such-command\"}");
        assertEquals(0, bad.exit(), "QMP's own error is a reply, printed as is");
        assertTrue(bad.out().contains("\"CommandNotFound\""), bad.out());
        Run again = vireo("start", "idler");
        assertEquals(new Run(1, "", "error: domain 'idler' is already active\n"), again);
        assertEquals(new Run(0, "Domain idler destroyed\n\n", ""), vireo("destroy", "idler"));
        assertEquals(new Run(0, "shut off (destroyed)\n\n", ""), vireo("domstate", "--reason", "idler"));
        String log = Files.readString(tmp.resolve("state/log/idler.log"));
        assertTrue(log.contains("-name idler") && log.contains("reason=destroyed"), log);
    }

    /**
     * virsh refuses to remove storage while the domain runs (also while a block job uses its
     * images); stopped, Vireo (which manages no volumes) names each image to remove by hand, as
     * virsh does for an unmanaged one, and undefines.
     */
    @Test
    void undefineWithStorageIsRefusedWhileRunningAndNamesTheImagesWhenStopped() throws Exception {
        Path image = tmp.resolve("d.qcow2");
        Path other = tmp.resolve("e.qcow2");
        CliDaemon.host("qemu-img", "create", "-q", "-f", "qcow2", image.toString(), "16M");
        CliDaemon.host("qemu-img", "create", "-q", "-f", "qcow2", other.toString(), "16M");
        Path file = tmp.resolve("stored.xml");
        Files.writeString(file, """
                <domain type='qemu'>
                  <name>stored</name>
                  <memory unit='MiB'>32</memory>
                  <os><type arch='x86_64' machine='pc'>hvm</type></os>
                  <devices><emulator>/usr/bin/qemu-system-x86_64</emulator>
                    <disk type='file' device='disk'><driver name='qemu' type='qcow2'/>
                      <source file='%s'/><target dev='vda' bus='virtio'/></disk>
                    <disk type='file' device='disk'><driver name='qemu' type='qcow2'/>
                      <source file='%s'/><target dev='vdb' bus='virtio'/></disk>
                    <disk type='file' device='cdrom'><target dev='hdc' bus='ide'/></disk>
                  </devices>
                </domain>
                """.formatted(image, other));
        assertEquals(0, vireo("define", file.toString()).exit());
        assertEquals(0, vireo("start", "stored").exit());
        String refused = "error: Storage volume deletion is supported only on stopped domains\n";
        assertEquals(new Run(1, "", refused), vireo("undefine", "stored", "--remove-all-storage"));
        assertEquals(new Run(1, "", refused), vireo("undefine", "stored", "--storage", "vda"));
        assertEquals(new Run(0, "running\n\n", ""), vireo("domstate", "stored"));
        assertEquals(0, vireo("dumpxml", "--inactive", "stored").exit(), "still defined");

        assertEquals(0, vireo("destroy", "stored").exit());
        assertEquals(new Run(0, "Domain stored has been undefined\n\n",
                "error: Storage volume 'vdb'(" + other + ") is not managed by vireo. Remove it manually.\n"),
                vireo("undefine", "stored", "--storage", other.toString()));
        assertEquals(0, vireo("define", file.toString()).exit());
        assertEquals(new Run(0, "Domain stored has been undefined\n\n",
                "error: Storage volume 'vda'(" + image + ") is not managed by vireo. Remove it manually.\n"
                + "error: Storage volume 'vdb'(" + other + ") is not managed by vireo. Remove it manually.\n"),
                vireo("undefine", "stored", "--remove-all-storage"));
        assertTrue(Files.exists(image) && Files.exists(other), "no image is removed");
    }
}
