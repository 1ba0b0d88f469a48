package dev.vireo.daemon.disks;

import dev.vireo.command.storage.FdSet;
import dev.vireo.command.storage.PassedFd;
import dev.vireo.conf.model.Disk;
import dev.vireo.conf.model.DiskBackingStore;
import dev.vireo.conf.model.Domain;
import dev.vireo.daemon.config.DaemonConfig;
import dev.vireo.daemon.domain.DefinitionCodec;
import dev.vireo.daemon.errors.VireoError;
import dev.vireo.storage.ChainPolicy;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The start's disk half on real images made by qemu-img (no QEMU run: the argv and the fds). */
class DiskLaunchTest {
    private static final DiskLaunch PASSING = new DiskLaunch(DaemonConfig.defaults(), ChainPolicy.defaults());

    @TempDir
    Path tmp;
    Path top;

    @BeforeEach
    void chain() throws Exception {
        qemuImg("create", "-q", "-f", "raw", tmp.resolve("base.raw").toString(), "16M");
        qemuImg("create", "-q", "-f", "qcow2", "-b", "base.raw", "-F", "raw", tmp.resolve("mid.qcow2").toString());
        top = tmp.resolve("top.qcow2");
        qemuImg("create", "-q", "-f", "qcow2", "-b", "mid.qcow2", "-F", "qcow2", top.toString());
    }

    @Test
    void everyImageGetsOneFdInItsOwnSetNumberedLikeTheImageAndTheChainIsRecorded() throws Exception {
        Domain live = domain(disk("qcow2", top, "vda", ""));
        try (PreparedDisks prepared = PASSING.prepare(live)) {
            assertEquals(List.of(3, 4, 5), prepared.childFds());
            assertEquals(Map.of(
                    1, new FdSet(1, List.of(new PassedFd(3, "vireo-image-1-rw"))),
                    2, new FdSet(2, List.of(new PassedFd(4, "vireo-image-2-ro"))),
                    3, new FdSet(3, List.of(new PassedFd(5, "vireo-image-3-ro")))), prepared.fdSets());
        }
        Disk disk = live.getDevices().getDisks().getFirst();
        assertEquals(1, disk.getSource().getIndex());
        DiskBackingStore mid = disk.getBackingStore();
        assertEquals(tmp.resolve("mid.qcow2").toString(), mid.getSource().getFile());
        assertEquals("qcow2", mid.getFormat().getType());
        assertEquals(2, mid.getIndex());
        DiskBackingStore base = mid.getBackingStore();
        assertEquals(tmp.resolve("base.raw").toString(), base.getSource().getFile());
        assertEquals("raw", base.getFormat().getType());
        assertEquals(3, base.getIndex());
        assertNull(base.getBackingStore().getSource(), "an empty <backingStore/> ends the chain");
    }

    @Test
    void imageNumbersCountOnAcrossDisksInDocumentOrder() throws Exception {
        Path raw = tmp.resolve("base.raw");
        Domain live = domain(disk("qcow2", top, "vda", "") + disk("raw", raw, "vdb", ""));
        try (PreparedDisks prepared = PASSING.prepare(live)) {
            assertEquals(Set.of(1, 2, 3, 4), prepared.fdSets().keySet());
        }
        assertEquals(4, live.getDevices().getDisks().get(1).getSource().getIndex());
    }

    @Test
    void theDaemonsFdsAreClosedWhenThePreparedDisksAre() throws Exception {
        int before = openFds();
        PreparedDisks prepared = PASSING.prepare(domain(disk("qcow2", top, "vda", "")));
        assertEquals(before + 3, openFds());
        prepared.close();
        assertEquals(before, openFds());
    }

    @Test
    void readOnlyDisksAndCdromsPassOnlyReadOnlyFds() throws Exception {
        Domain live = domain(disk("qcow2", top, "vda", "<readonly/>"));
        try (PreparedDisks prepared = PASSING.prepare(live)) {
            assertEquals(List.of(3, 4, 5), prepared.childFds());
            assertEquals(List.of(new PassedFd(3, "vireo-image-1-ro")), prepared.fdSets().get(1).fds());
        }
        Path iso = tmp.resolve("base.raw");
        Domain cd = domain("<disk type='file' device='cdrom'><source file='" + iso + "'/><target dev='hdc' bus='ide'/></disk>");
        try (PreparedDisks prepared = PASSING.prepare(cd)) {
            assertEquals(List.of(3), prepared.childFds());
            assertEquals(List.of(new PassedFd(3, "vireo-image-1-ro")), prepared.fdSets().get(1).fds());
        }
    }

    @Test
    void aRefusalNamesTheDiskAndLeavesNoFdOpen() throws Exception {
        Path broken = tmp.resolve("broken.qcow2");
        qemuImg("create", "-q", "-f", "qcow2", "-u", "-b", "gone.raw", "-F", "raw", broken.toString(), "16M");
        Domain live = domain(disk("qcow2", top, "vda", "") + disk("qcow2", broken, "vdb", ""));
        int before = openFds();
        VireoError e = assertThrows(VireoError.class, () -> PASSING.prepare(live));
        assertEquals(VireoError.Kind.FAILED, e.kind());
        assertTrue(e.getMessage().startsWith("disk 'vdb': " + broken + ": backing file 'gone.raw' (resolved to "
                + tmp.resolve("gone.raw") + ", relative to the overlay's directory) does not exist"), e.getMessage());
        assertEquals(before, openFds());
    }

    @Test
    void aDriverTypeTheReaderDoesNotKnowIsRefusedWithTheAllowedOnes() throws Exception {
        Domain live = domain(disk("iso", top, "vda", ""));
        VireoError e = assertThrows(VireoError.class, () -> PASSING.prepare(live));
        assertEquals(VireoError.Kind.UNSUPPORTED, e.kind());
        assertTrue(e.getMessage().startsWith("disk 'vda': <driver type='iso'> is not an image format the daemon can read; "
                + "allowed: raw, qcow2"), e.getMessage());
    }

    @Test
    void withFdPassingOffTheChainIsStillCheckedAndNumberedButNothingIsOpened() throws Exception {
        DiskLaunch plainPaths = new DiskLaunch(new DaemonConfig(Optional.empty(), false), ChainPolicy.defaults());
        Domain live = domain(disk("qcow2", top, "vda", ""));
        try (PreparedDisks prepared = plainPaths.prepare(live)) {
            assertEquals(Map.of(), prepared.fdSets());
            assertEquals(List.of(), prepared.childFds());
        }
        assertEquals(2, live.getDevices().getDisks().getFirst().getBackingStore().getIndex());
    }

    @Test
    void networkDisksAreLeftToQemu() throws Exception {
        Domain live = domain("<disk type='network' device='disk'><driver name='qemu' type='raw'/>"
                + "<source protocol='nbd' name='export'><host name='example.org' port='10809'/></source>"
                + "<target dev='vdc' bus='virtio'/></disk>");
        try (PreparedDisks prepared = PASSING.prepare(live)) {
            assertEquals(Map.of(), prepared.fdSets());
        }
    }

    private static String disk(String type, Path source, String target, String extra) {
        return "<disk type='file' device='disk'><driver name='qemu' type='" + type + "'/><source file='" + source
                + "'/><target dev='" + target + "' bus='virtio'/>" + extra + "</disk>";
    }

    private static Domain domain(String disks) throws Exception {
        return new DefinitionCodec().parse("<domain type='qemu'><name>d</name><memory>65536</memory>"
                + "<os><type arch='x86_64' machine='pc'>hvm</type></os><devices>" + disks + "</devices></domain>");
    }

    /** This process's fds open on a file in the test folder (the JVM's own fds come and go). */
    private int openFds() throws IOException {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return (int) fds.filter(fd -> {
                try {
                    return Files.readSymbolicLink(fd).startsWith(tmp);
                } catch (IOException gone) {
                    return false;
                }
            }).count();
        }
    }

    private static void qemuImg(String... args) throws Exception {
        Process p = new ProcessBuilder(Stream.concat(Stream.of("qemu-img"), Stream.of(args)).toList()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) throw new IOException("qemu-img failed: " + out);
    }
}
