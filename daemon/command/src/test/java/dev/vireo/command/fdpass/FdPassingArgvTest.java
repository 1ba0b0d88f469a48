package dev.vireo.command.fdpass;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vireo.command.CommandLine;
import java.util.List;
import org.junit.jupiter.api.Test;

class FdPassingArgvTest {

    private static final CommandLine PLAIN = new CommandLine(List.of("LC_ALL=C"), "/usr/bin/qemu-system-x86_64", List.of(
            "-S", "-m", "256",
            "-drive", "file=/img/top.qcow2,if=none,id=drive-virtio-disk0,format=qcow2,copy-on-read=on",
            "-device", "virtio-blk-pci,drive=drive-virtio-disk0,id=virtio-disk0",
            "-drive", "file=/img/a,,b.raw,if=none,id=drive-virtio-disk1",
            "-drive", "file=/img/cd.iso,if=none,media=cdrom,id=drive-ide0-1-0,readonly=on,format=raw"));

    private static PassedLayer layer(String format, int set, int... fds) {
        List<PassedFd> passed = new java.util.ArrayList<>();
        for (int fd : fds) passed.add(new PassedFd(fd, "l" + set + "-" + fd));
        return new PassedLayer(format, set, passed);
    }

    @Test
    void chainIsSpelledOutAndEveryFdAnnouncedBeforeTheFirstDrive() {
        PassedDisk top = new PassedDisk("/img/top.qcow2",
                List.of(layer("qcow2", 1, 3, 4), layer("qcow2", 2, 5), layer("raw", 3, 6)));
        CommandLine rewritten = FdPassingArgv.rewrite(PLAIN, List.of(top));
        assertEquals(List.of("-S", "-m", "256",
                "-add-fd", "fd=3,set=1,opaque=l1-3", "-add-fd", "fd=4,set=1,opaque=l1-4",
                "-add-fd", "fd=5,set=2,opaque=l2-5", "-add-fd", "fd=6,set=3,opaque=l3-6",
                "-drive", "file=/dev/fdset/1,if=none,id=drive-virtio-disk0,format=qcow2,copy-on-read=on"
                        + ",backing.driver=qcow2,backing.file.filename=/dev/fdset/2"
                        + ",backing.backing.driver=raw,backing.backing.file.filename=/dev/fdset/3",
                "-device", "virtio-blk-pci,drive=drive-virtio-disk0,id=virtio-disk0",
                "-drive", "file=/img/a,,b.raw,if=none,id=drive-virtio-disk1",
                "-drive", "file=/img/cd.iso,if=none,media=cdrom,id=drive-ide0-1-0,readonly=on,format=raw"),
                rewritten.args());
        assertEquals(PLAIN.env(), rewritten.env());
        assertEquals(PLAIN.emulator(), rewritten.emulator());
    }

    @Test
    void aDriveWithoutFormatGetsTheFormatTheChainWasReadWith() {
        PassedDisk disk = new PassedDisk("/img/a,b.raw", List.of(layer("raw", 7, 9)));
        CommandLine rewritten = FdPassingArgv.rewrite(PLAIN, List.of(disk));
        assertTrue(rewritten.args().contains("file=/dev/fdset/7,if=none,id=drive-virtio-disk1,format=raw"),
                rewritten.toShellLine());
    }

    @Test
    void aPathThatIsOnlyAPrefixOfAnotherDoesNotMatch() {
        PassedDisk disk = new PassedDisk("/img/top", List.of(layer("raw", 1, 3)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FdPassingArgv.rewrite(PLAIN, List.of(disk)));
        assertEquals("no -drive opens /img/top in the command line; cannot pass its images as fds", e.getMessage());
    }

    @Test
    void twoDisksOnTheSamePathTakeTheDrivesInOrder() {
        CommandLine twice = new CommandLine(List.of(), "qemu", List.of("-drive", "file=/x,id=d0", "-drive", "file=/x,id=d1"));
        CommandLine rewritten = FdPassingArgv.rewrite(twice, List.of(
                new PassedDisk("/x", List.of(layer("raw", 1, 3))), new PassedDisk("/x", List.of(layer("raw", 2, 4)))));
        assertEquals(List.of("-add-fd", "fd=3,set=1,opaque=l1-3", "-add-fd", "fd=4,set=2,opaque=l2-4",
                "-drive", "file=/dev/fdset/1,id=d0,format=raw", "-drive", "file=/dev/fdset/2,id=d1,format=raw"),
                rewritten.args());
    }

    @Test
    void nothingToPassLeavesTheCommandLineAlone() {
        assertSame(PLAIN, FdPassingArgv.rewrite(PLAIN, List.of()));
    }

    @Test
    void fdsBelowThreeAndOpaqueWithCommasAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new PassedFd(2, "x"));
        assertThrows(IllegalArgumentException.class, () -> new PassedFd(3, "a,b"));
    }
}
