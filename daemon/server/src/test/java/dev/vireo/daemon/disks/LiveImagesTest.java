package dev.vireo.daemon.disks;

import dev.vireo.command.storage.DiskStorage;
import dev.vireo.command.storage.ImageNode;
import dev.vireo.daemon.errors.VireoError;
import dev.vireo.monitor.BlockNode;
import dev.vireo.monitor.FdSet;
import dev.vireo.monitor.QmpMonitor;
import dev.vireo.process.ManagedProcess;
import dev.vireo.process.ProcessSpawner;
import dev.vireo.process.Signal;
import dev.vireo.process.SpawnSpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Images added to and removed from a real, running QEMU 7.2 through fd sets, and cleaned up when QEMU refuses. */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class LiveImagesTest {
    private static final DiskStorage VDA = new DiskStorage("vda", List.of(), true, null, null, false);

    @TempDir
    Path tmp;
    ManagedProcess qemu;
    QmpMonitor monitor;
    Path base;
    Path overlay;

    @BeforeEach
    void start() throws Exception {
        Path socket = tmp.resolve("qmp.sock");
        // running, not paused (-S): QEMU 7.2 closes removed fds only while the VM runs
        qemu = ProcessSpawner.spawn(SpawnSpec.command("qemu-system-x86_64", "-machine", "none", "-nodefaults",
                "-display", "none", "-qmp", "unix:" + socket + ",server=on,wait=off").log(tmp.resolve("qemu.log")).build());
        monitor = QmpMonitor.connect(socket, Duration.ofSeconds(30), Duration.ofSeconds(30), qemu::isAlive, event -> { });
        base = tmp.resolve("base.qcow2");
        overlay = tmp.resolve("overlay.qcow2");
        run("qemu-img", "create", "-q", "-f", "qcow2", base.toString(), "16M");
        run("qemu-img", "create", "-q", "-f", "qcow2", "-b", base.toString(), "-F", "qcow2", overlay.toString());
    }

    /** Runs when start() failed midway too: whatever it spawned is killed (QEMU outlives the JVM). */
    @AfterEach
    void stop() throws Exception {
        try {
            if (monitor != null) monitor.close();
        } finally {
            if (qemu != null) {
                qemu.kill(Signal.SIGKILL);
                qemu.onExit().get(10, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void anAddedChainOpensOnlyFdSetsNumberedLikeItsImages() throws Exception {
        ImageNode b = LiveImages.add(monitor, new LiveImages.NewImage(7, base, "qcow2", true), VDA, null);
        ImageNode o = LiveImages.add(monitor, new LiveImages.NewImage(8, overlay, "qcow2", false), VDA, b.formatNodeName());

        assertEquals(List.of(new FdSet(7, List.of(new FdSet.Fd(fdOf(7), "vireo-image-7-ro"))),
                new FdSet(8, List.of(new FdSet.Fd(fdOf(8), "vireo-image-8-rw")))), sorted(monitor.queryFdsets()));
        BlockNode top = node("libvirt-8-format");
        assertEquals("qcow2", top.driver());
        assertTrue(!top.readOnly(), "the overlay is writable");
        assertEquals("/dev/fdset/8", node("libvirt-8-storage").file());
        assertTrue(node("libvirt-7-format").readOnly(), "the base is read-only");
        assertEquals("/dev/fdset/7", node("libvirt-7-storage").file());

        LiveImages.remove(monitor, o);
        LiveImages.remove(monitor, b);
        assertEquals(List.of(), monitor.queryNamedBlockNodes().stream().map(BlockNode::nodeName).toList());
        assertEquals(List.of(), monitor.queryFdsets(), "no set left");
    }

    @Test
    void grantWriteAddsOneReadWriteFdToTheImagesSet() throws Exception {
        ImageNode b = LiveImages.add(monitor, new LiveImages.NewImage(3, base, "qcow2", true), VDA, null);
        FdSetRegistry.Held held = new FdSetRegistry.Held(3, 3, true, false, List.of(b.formatNodeName(), b.storageNodeName()));
        LiveImages.grantWrite(monitor, held, b);
        List<String> notes = monitor.queryFdsets().getFirst().fds().stream().map(FdSet.Fd::opaque).sorted().toList();
        assertEquals(List.of("vireo-image-3-ro", "vireo-image-3-rw"), notes);
    }

    @Test
    void aRefusedNodeLeavesNeitherNodeNorFdSetBehind() throws Exception {
        // a raw image under a format node that claims qcow2: QEMU refuses the format node
        Path raw = tmp.resolve("plain.raw");
        run("qemu-img", "create", "-q", "-f", "raw", raw.toString(), "1M");
        VireoError e = assertThrows(VireoError.class,
                () -> LiveImages.add(monitor, new LiveImages.NewImage(5, raw, "qcow2", true), VDA, null));
        assertTrue(e.getMessage().startsWith("blockdev-add of " + raw + " refused by QEMU: GenericError: "), e.getMessage());
        assertEquals(List.of(), monitor.queryNamedBlockNodes().stream().map(BlockNode::nodeName).toList());
        assertEquals(List.of(), monitor.queryFdsets());
    }

    @Test
    void aMissingImageIsNamedAndNothingIsPassed() throws Exception {
        VireoError e = assertThrows(VireoError.class,
                () -> LiveImages.add(monitor, new LiveImages.NewImage(5, tmp.resolve("absent.qcow2"), "qcow2", false), VDA, null));
        assertTrue(e.getMessage().startsWith("cannot open " + tmp.resolve("absent.qcow2") + ": "), e.getMessage());
        assertEquals(List.of(), monitor.queryFdsets());
    }

    private int fdOf(int set) throws Exception {
        return monitor.queryFdsets().stream().filter(s -> s.fdsetId() == set).findFirst().orElseThrow().fds().getFirst().fd();
    }

    private static List<FdSet> sorted(List<FdSet> sets) {
        return sets.stream().sorted((a, b) -> Integer.compare(a.fdsetId(), b.fdsetId())).toList();
    }

    private BlockNode node(String name) throws Exception {
        return monitor.queryNamedBlockNodes().stream().filter(n -> n.nodeName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no node " + name));
    }

    private static void run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).inheritIO().start();
        assertEquals(0, p.waitFor(), String.join(" ", command));
    }
}
