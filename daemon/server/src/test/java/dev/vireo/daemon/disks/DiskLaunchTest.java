package dev.vireo.daemon.disks;

import dev.vireo.command.CommandLine;
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
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
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
    void aWritableChainGetsTwoTopFdsOneFdPerBackingLayerAndItsBackingStore() throws Exception {
        Domain live = domain(disk("qcow2", top, "vda", ""));
        try (PreparedDisks prepared = PASSING.prepare(live, plain(top, "if=none,id=drive-virtio-disk0,format=qcow2"))) {
            assertEquals(List.of("-add-fd", "fd=3,set=1,opaque=vda-0-ro", "-add-fd", "fd=4,set=1,opaque=vda-0-rw",
                    "-add-fd", "fd=5,set=2,opaque=vda-1-ro", "-add-fd", "fd=6,set=3,opaque=vda-2-ro",
                    "-drive", "file=/dev/fdset/1,if=none,id=drive-virtio-disk0,format=qcow2"
                            + ",backing.driver=qcow2,backing.file.filename=/dev/fdset/2"
                            + ",backing.backing.driver=raw,backing.backing.file.filename=/dev/fdset/3"),
                    prepared.commandLine().args());
            assertEquals(List.of(3, 4, 5, 6), prepared.childFds());
        }
        DiskBackingStore mid = live.getDevices().getDisks().getFirst().getBackingStore();
        assertEquals(tmp.resolve("mid.qcow2").toString(), mid.getSource().getFile());
        assertEquals("qcow2", mid.getFormat().getType());
        assertEquals(1, mid.getIndex());
        DiskBackingStore base = mid.getBackingStore();
        assertEquals(tmp.resolve("base.raw").toString(), base.getSource().getFile());
        assertEquals("raw", base.getFormat().getType());
        assertEquals(2, base.getIndex());
        assertNull(base.getBackingStore().getSource(), "an empty <backingStore/> ends the chain");
    }

    @Test
    void theDaemonsFdsAreClosedWhenThePreparedDisksAre() throws Exception {
        int before = openFds();
        PreparedDisks prepared = PASSING.prepare(domain(disk("qcow2", top, "vda", "")), plain(top, "if=none,id=drive-virtio-disk0,format=qcow2"));
        assertEquals(before + 4, openFds());
        prepared.close();
        assertEquals(before, openFds());
    }

    @Test
    void readOnlyDisksAndCdromsPassOnlyReadOnlyFds() throws Exception {
        Domain live = domain(disk("qcow2", top, "vda", "<readonly/>"));
        try (PreparedDisks prepared = PASSING.prepare(live, plain(top, "if=none,id=drive-virtio-disk0,format=qcow2"))) {
            assertEquals(List.of(3, 4, 5), prepared.childFds());
            assertTrue(prepared.commandLine().args().contains("fd=3,set=1,opaque=vda-0-ro"));
        }
        Path iso = tmp.resolve("base.raw");
        Domain cd = domain("<disk type='file' device='cdrom'><source file='" + iso + "'/><target dev='hdc' bus='ide'/></disk>");
        try (PreparedDisks prepared = PASSING.prepare(cd, plain(iso, "if=none,media=cdrom"))) {
            assertEquals(List.of(3), prepared.childFds());
        }
    }

    @Test
    void aDiskWithoutDriverTypeIsReadAsRawAndQemuIsToldSo() throws Exception {
        Path raw = tmp.resolve("base.raw");
        Domain live = domain("<disk type='file' device='disk'><source file='" + raw + "'/><target dev='vdb' bus='virtio'/></disk>");
        try (PreparedDisks prepared = PASSING.prepare(live, plain(raw, "if=none"))) {
            assertEquals("file=/dev/fdset/1,if=none,format=raw", prepared.commandLine().args().getLast());
        }
    }

    @Test
    void aRefusalNamesTheDiskAndLeavesNoFdOpen() throws Exception {
        Path broken = tmp.resolve("broken.qcow2");
        qemuImg("create", "-q", "-f", "qcow2", "-u", "-b", "gone.raw", "-F", "raw", broken.toString(), "16M");
        Domain live = domain(disk("qcow2", top, "vda", "") + disk("qcow2", broken, "vdb", ""));
        int before = openFds();
        VireoError e = assertThrows(VireoError.class, () -> PASSING.prepare(live, plain(top, "if=none,id=drive-virtio-disk0,format=qcow2")));
        assertEquals(VireoError.Kind.FAILED, e.kind());
        assertTrue(e.getMessage().startsWith("disk 'vdb': " + broken + ": backing file 'gone.raw' (resolved to "
                + tmp.resolve("gone.raw") + ", relative to the overlay's directory) does not exist"), e.getMessage());
        assertEquals(before, openFds());
    }

    @Test
    void aDriverTypeTheReaderDoesNotKnowIsRefusedWithTheAllowedOnes() throws Exception {
        Domain live = domain(disk("iso", top, "vda", ""));
        VireoError e = assertThrows(VireoError.class, () -> PASSING.prepare(live, plain(top, "if=none,format=iso")));
        assertEquals(VireoError.Kind.UNSUPPORTED, e.kind());
        assertTrue(e.getMessage().startsWith("disk 'vda': <driver type='iso'> is not an image format the daemon can read; "
                + "allowed: raw, qcow2"), e.getMessage());
    }

    @Test
    void withFdPassingOffTheChainIsStillCheckedAndShownButQemuOpensThePaths() throws Exception {
        DiskLaunch plainPaths = new DiskLaunch(new DaemonConfig(Optional.empty(), false), ChainPolicy.defaults());
        Domain live = domain(disk("qcow2", top, "vda", ""));
        CommandLine plain = plain(top, "if=none,id=drive-virtio-disk0,format=qcow2");
        try (PreparedDisks prepared = plainPaths.prepare(live, plain)) {
            assertSame(plain, prepared.commandLine());
            assertEquals(List.of(), prepared.childFds());
        }
        assertEquals(1, live.getDevices().getDisks().getFirst().getBackingStore().getIndex());
    }

    @Test
    void networkDisksAreLeftToQemu() throws Exception {
        Domain live = domain("<disk type='network' device='disk'><driver name='qemu' type='raw'/>"
                + "<source protocol='nbd' name='export'><host name='example.org' port='10809'/></source>"
                + "<target dev='vdc' bus='virtio'/></disk>");
        CommandLine plain = new CommandLine(List.of(), "qemu", List.of("-drive", "file=nbd:example.org:10809,if=none"));
        try (PreparedDisks prepared = PASSING.prepare(live, plain)) {
            assertEquals(plain.args(), prepared.commandLine().args());
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

    /** A plain command line like the builder's: {@code -drive file=SOURCE,OPTIONS}. */
    private static CommandLine plain(Path source, String options) {
        return new CommandLine(List.of(), "qemu", List.of("-drive", "file=" + source + "," + options));
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
