package dev.vireo.caps;

import static dev.vireo.caps.Capability.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CapsProberTest {

    private static final Path QEMU = Path.of("/usr/bin/qemu-system-x86_64");

    @TempDir
    Path dir;

    @Test
    void probesTheInstalledQemu() throws Exception {
        assertTrue(Files.isExecutable(QEMU), "QEMU 7.2 must be installed at " + QEMU + " (scripts/install-deps)");
        QemuCaps caps = new CapsProber().probe(QEMU);
        assertTrue(caps.version() >= 7_000_000, "version " + caps.version());
        assertEquals(QEMU.toString(), caps.emulator());
        assertTrue(caps.flags().containsAll(EnumSet.of(DRIVE, DEVICE, DRIVE_CACHE_V2, CACHE_UNSAFE, CACHE_DIRECTSYNC,
                DRIVE_AIO, DRIVE_COPY_ON_READ, MONITOR_JSON, NETDEV, CHARDEV, VIRTIO_BLK_PCI_EVENT_IDX,
                VIRTIO_BLK_PCI_IOEVENTFD, SCSI_DISK_CHANNEL, IDE_CD, ICH9_AHCI, DISABLE_S3, PCI_MULTIBUS)),
                caps.flags().toString());
        // options QEMU 7.2 no longer has
        for (Capability gone : List.of(NODEFCONFIG, DRIVE_SERIAL, DRIVE_BOOT, BALLOON, TDF, NO_KVM_PIT, PCI_DEVICE, KVM)) {
            assertFalse(caps.has(gone), gone + " must not be reported for QEMU " + caps.versionString());
        }
    }

    @Test
    void probesTheInstalledQemuOverQmp() throws Exception {
        assertTrue(Files.isExecutable(QEMU), "QEMU 7.2 must be installed at " + QEMU + " (scripts/install-deps)");
        QemuCaps caps = new CapsProber().probe(QEMU);
        assertTrue(caps.versionString().startsWith("7.2."), "the machine names below are QEMU 7.2's, not " + caps.versionString());
        assertEquals("pc-i440fx-7.2", caps.canonicalMachine("pc").orElseThrow());
        assertEquals("pc-q35-7.2", caps.canonicalMachine("q35").orElseThrow());
        assertEquals("pc-i440fx-7.2", caps.defaultMachine().orElseThrow().name());
        assertEquals(288, caps.machines().stream().filter(m -> m.name().equals("pc-q35-7.2")).findFirst().orElseThrow().maxCpus());
        assertTrue(caps.hasDevice("qemu-xhci") && caps.hasDevice("pcie-root-port") && caps.hasDevice("virtio-vga"));
        assertTrue(caps.deviceProperties("virtio-blk-pci").contains("drive"));
        assertTrue(caps.accelerators().contains("tcg"));
        assertTrue(caps.cpuModels("tcg").stream().anyMatch(c -> c.name().equals("qemu64")));
        // TCG's host-model CPU: a named, not deprecated model whose differences turn off every blocker
        HostCpu host = caps.hostCpu("tcg").orElseThrow();
        CpuModel named = caps.cpuModels("tcg").stream().filter(c -> c.name().equals(host.model())).findFirst().orElseThrow();
        assertFalse(named.deprecated(), named.toString());
        for (String blocker : named.blockers()) {
            assertTrue(host.features().contains(new HostCpu.Feature(blocker, false)), blocker + " is turned off: " + host);
        }
        assertEquals(caps.accelerators().contains("kvm"), caps.hostCpu("kvm").isPresent(), "KVM's when KVM runs here");
        assertTrue(caps.flags().containsAll(EnumSet.of(BLOCKDEV, BLOCKDEV_REOPEN, INCREMENTAL_BACKUP, TRANSACTION,
                QEMU_XHCI, PCIE_ROOT_PORT, TCG, TPM_EMULATOR, TPM_CRB)), caps.flags().toString());
        // the host's firmware descriptors (Debian's ovmf)
        assertTrue(caps.firmware().stream().anyMatch(f -> f.hasFeature("secure-boot") && f.supports("x86_64", "pc-q35-7.2")),
                caps.firmware().toString());
        UnsupportedMachineException e = assertThrows(UnsupportedMachineException.class, () -> caps.requireMachine("pc-q35-9.9"));
        assertTrue(e.getMessage().startsWith("machine type 'pc-q35-9.9' is not supported by /usr/bin/qemu-system-x86_64; "
                + "closest: pc-q35-7.2, pc-q35-7.1, "), e.getMessage());
    }

    private static final String HELP_7_2 = "QEMU emulator version 7.2.0 (Debian 1:7.2+dfsg-7)\n"
            + "usage: qemu-system-x86_64 [options] [disk_image]\n";

    @Test
    void aModernEmulatorThatFailsToStartForQmpIsRefusedWithItsError() throws Exception {
        Path fake = FakeEmulator.script(dir, "qemu-7.2-broken", """
                [ "$1" = -help ] && { printf '%s'; exit 0; }
                echo "qemu-system-x86_64: -machine none,accel=tcg: no accelerator found" >&2
                exit 1
                """.formatted(HELP_7_2));
        ProbeException e = assertThrows(ProbeException.class, () -> new CapsProber().probe(fake));
        assertTrue(e.getMessage().startsWith("emulator " + fake + " -S -no-user-config -nodefaults"), e.getMessage());
        assertTrue(e.getMessage().contains("failed to answer over QMP"), e.getMessage());
        assertTrue(e.getMessage().endsWith("(qemu-system-x86_64: -machine none,accel=tcg: no accelerator found)"), e.getMessage());
    }

    @Test
    void aModernEmulatorThatNeverAnswersIsKilledAfterTheTimeout() throws Exception {
        Path pids = dir.resolve("pids");
        Path fake = FakeEmulator.script(dir, "qemu-7.2-silent", """
                [ "$1" = -help ] && { printf '%s'; exit 0; }
                echo $$ >> '%s'
                exec sleep 60
                """.formatted(HELP_7_2, pids));
        long start = System.nanoTime();
        ProbeException e = assertThrows(ProbeException.class, () -> new CapsProber(Duration.ofMillis(1500)).probe(fake));
        assertTrue(e.getMessage().contains("cannot connect to QMP socket"), e.getMessage());
        assertTrue(e.getMessage().contains("within 1500 ms"), e.getMessage());
        for (String pid : Files.readAllLines(pids)) {
            assertFalse(ProcessHandle.of(Long.parseLong(pid)).map(ProcessHandle::isAlive).orElse(false),
                    "the emulator " + pid + " was left running");
        }
        assertTrue(System.nanoTime() - start < Duration.ofSeconds(30).toNanos(), "bounded by the timeout, not sleep 60");
    }

    @Test
    void readsDevicesOfAnEmulatorThatAnswersEveryDeviceQueryWithEverything() throws Exception {
        Path log = dir.resolve("runs.log");
        Path fake = FakeEmulator.write(dir, "qemu-1.1", FakeEmulator.HELP_1_1, FakeEmulator.DEVICES_1_1, log);
        QemuCaps caps = new CapsProber().probe(fake);
        assertEquals(1001000, caps.version());
        assertTrue(caps.flags().containsAll(EnumSet.of(DEVICE, VIRTIO_BLK_PCI_SCSI, VIRTIO_BLK_PCI_EVENT_IDX, IDE_CD)));
        assertFalse(caps.has(PCI_MULTIBUS), "not a qemu-system-x86_64/i386 binary");
        // -help, the listing, and PIIX4_PM (never listed); virtio-blk-pci's properties came with the listing
        assertEquals(List.of("-help", "-device ?", "-device PIIX4_PM,?"), Files.readAllLines(log));
    }

    @Test
    void qemu012ListsDevicesOnStderrAndExitsWithStatus1ThatIsAccepted() throws Exception {
        Path help = Files.writeString(dir.resolve("help-0.12"), """
                QEMU PC emulator version 0.12.5, Copyright (c) 2003-2008 Fabrice Bellard
                -device driver[,options]  add device
                """);
        Path log = dir.resolve("runs.log");
        Path qemu012 = FakeEmulator.script(dir, "qemu-0.12", """
                echo "$*" >> '%s'
                case "$*" in
                  "-help") cat '%s';;
                  "-device ?") echo 'name "lsi53c895a", bus PCI, alias "lsi"' >&2; exit 1;;
                  *) echo "unexpected $*" >&2; exit 2;;
                esac
                """.formatted(log, help));
        QemuCaps caps = new CapsProber().probe(qemu012);
        assertTrue(caps.has(LSI), caps.flags().toString());
        assertEquals(List.of("-help", "-device ?"), Files.readAllLines(log), "no property queries");
    }

    @Test
    void aFailingBinaryIsNamedWithItsExitStatusAndError() throws Exception {
        Path broken = FakeEmulator.script(dir, "qemu-broken", "echo 'qemu: cannot load BIOS' >&2; exit 3\n");
        ProbeException e = assertThrows(ProbeException.class, () -> new CapsProber().probe(broken));
        assertEquals("emulator " + broken + " -help failed with exit status 3: qemu: cannot load BIOS", e.getMessage());
    }

    @Test
    void aHangingBinaryIsKilledAtTheTimeout() throws Exception {
        Path hanging = FakeEmulator.script(dir, "qemu-hangs", "exec sleep 30\n");
        long start = System.nanoTime();
        ProbeException e = assertThrows(ProbeException.class,
                () -> new CapsProber(Duration.ofMillis(300)).probe(hanging));
        assertTrue(e.getMessage().contains(hanging + " -help did not finish within 300 ms"), e.getMessage());
        assertTrue(System.nanoTime() - start < Duration.ofSeconds(10).toNanos());
    }

    @Test
    void somethingThatIsNotQemuIsRefusedWithItsFirstLine() throws Exception {
        Path other = FakeEmulator.script(dir, "not-qemu", "echo 'Usage: something else'\n");
        ProbeException e = assertThrows(ProbeException.class, () -> new CapsProber().probe(other));
        assertTrue(e.getMessage().startsWith("emulator " + other + ": cannot parse the version in 'Usage: something else'"),
                e.getMessage());
    }

    @Test
    void aMissingBinaryIsNamed() {
        Path missing = dir.resolve("no-such-qemu");
        ProbeException e = assertThrows(ProbeException.class, () -> new CapsProber().probe(missing));
        assertEquals("emulator " + missing + " does not exist", e.getMessage());
    }

    @Test
    void aDirectoryIsNotAnEmulator() {
        ProbeException e = assertThrows(ProbeException.class, () -> new CapsProber().probe(dir));
        assertEquals("emulator " + dir + " is not a regular file", e.getMessage());
    }

    @Test
    void aListedDeviceWhosePropertiesCannotBeReadFailsTheProbe() throws Exception {
        Path help = Files.writeString(dir.resolve("h"), FakeEmulator.HELP_1_1);
        Path flaky = FakeEmulator.script(dir, "qemu-flaky", """
                case "$*" in
                  "-help") cat '%s';;
                  "-device ?") echo 'name "virtio-blk-pci", bus PCI';;
                  *) echo "$*: out of memory" >&2; exit 1;;
                esac
                """.formatted(help));
        ProbeException e = assertThrows(ProbeException.class, () -> new CapsProber().probe(flaky));
        assertEquals("emulator " + flaky + " -device virtio-blk-pci,? failed with exit status 1: "
                + "-device virtio-blk-pci,?: out of memory", e.getMessage());
    }
}
