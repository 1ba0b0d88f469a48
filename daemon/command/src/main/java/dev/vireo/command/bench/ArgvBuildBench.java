package dev.vireo.command.bench;

import dev.vireo.caps.Capability;
import dev.vireo.caps.QemuCaps;
import dev.vireo.command.CommandBuilder;
import dev.vireo.command.CommandLine;
import dev.vireo.command.LaunchOptions;
import dev.vireo.conf.DomainXml;
import dev.vireo.conf.model.Domain;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;

/**
 * Command-line builds per second for a domain with 10 disks (virtio, IDE and SCSI, each with driver
 * settings), one network card, a serial port and VNC, against a QEMU 1.2-like capability set. The
 * domain is parsed once; each build derives aliases and PCI slots and writes env + argv, and
 * renders the one-line form. Prints the median of several timed rounds after a warm-up, on one
 * thread, by wall clock and per CPU-second of that thread. Usage: ArgvBuildBench [ROUNDS [SECONDS_PER_ROUND]] (default 7 rounds of 1 s).
 */
public final class ArgvBuildBench {

    private ArgvBuildBench() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 7;
        double seconds = args.length > 1 ? Double.parseDouble(args[1]) : 1.0;
        Domain domain = DomainXml.parse(tenDiskDomain());
        QemuCaps caps = new QemuCaps("/usr/bin/qemu-system-x86_64", 1_002_000, 0, false, qemu12());
        LaunchOptions options = LaunchOptions.forMonitor(Path.of("/run/vireo/bench.monitor"));
        CommandLine sample = CommandBuilder.build(domain, caps, options);
        long sink = 0;
        long warmupEnd = System.nanoTime() + 2_000_000_000L;
        while (System.nanoTime() < warmupEnd) {
            sink += CommandBuilder.build(domain, caps, options).toShellLine().length();
        }
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        double[] rates = new double[rounds];
        double[] cpuRates = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            long builds = 0;
            long cpuStart = cpu.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            long end = start + (long) (seconds * 1e9);
            long now;
            do {
                for (int i = 0; i < 100; i++) {
                    sink += CommandBuilder.build(domain, caps, options).toShellLine().length();
                }
                builds += 100;
                now = System.nanoTime();
            } while (now < end);
            rates[r] = builds / ((now - start) / 1e9);
            cpuRates[r] = builds / ((cpu.getCurrentThreadCpuTime() - cpuStart) / 1e9);
        }
        Arrays.sort(rates);
        Arrays.sort(cpuRates);
        double median = rates[rounds / 2];
        double cpuMedian = cpuRates[rounds / 2];
        // Per CPU-second as well: on a shared machine the wall-clock rate mostly measures the neighbours.
        System.out.printf("argv build, 10-disk domain (%d arguments, %d characters), %d rounds of %.1f s:%n"
                        + "  wall clock: median %.0f builds/s (min %.0f, max %.0f)%n"
                        + "  per CPU-second of the building thread: median %.0f builds/s (%.1f us of CPU per build)%n",
                sample.args().size(), sample.toShellLine().length(), rounds, seconds, median, rates[0],
                rates[rounds - 1], cpuMedian, 1e6 / cpuMedian);
        if (sink == 42) {
            System.out.println();
        }
    }

    private static EnumSet<Capability> qemu12() {
        EnumSet<Capability> flags = EnumSet.noneOf(Capability.class);
        for (String name : new String[] {"name", "uuid", "vnc-colon", "no-reboot", "no-acpi", "no-shutdown", "drive",
                "drive-format", "drive-serial", "drive-readonly", "drive-cache-v2", "cache-directsync", "cache-unsafe",
                "drive-aio", "drive-copy-on-read", "drive-iotune", "device", "netdev", "chardev", "monitor-json",
                "nodefconfig", "rtc", "pci-multibus", "pci-multifunction", "boot-index", "boot-menu", "smp-topology",
                "virtio-blk-pci.scsi", "virtio-blk-pci.ioeventfd", "virtio-blk-pci.event_idx", "blk-sg-io", "ide-cd",
                "scsi-cd", "lsi", "virtio-scsi-pci", "scsi-disk.channel", "piix3-usb-uhci", "vga", "balloon"}) {
            flags.add(Capability.byName(name).orElseThrow());
        }
        return flags;
    }

    private static String tenDiskDomain() {
        StringBuilder disks = new StringBuilder();
        String[][] layout = {
                {"vda", "virtio", "qcow2", "cache='none' io='native'"},
                {"vdb", "virtio", "raw", "cache='unsafe' io='threads'"},
                {"vdc", "virtio", "qcow2", "copy_on_read='on' error_policy='stop'"},
                {"vdd", "virtio", "qcow2", "ioeventfd='on' event_idx='off'"},
                {"hda", "ide", "qcow2", "cache='writeback'"},
                {"hdb", "ide", "raw", "cache='writethrough'"},
                {"sda", "scsi", "qcow2", "cache='directsync'"},
                {"sdb", "scsi", "raw", "cache='none'"},
                {"sdc", "scsi", "qcow2", "io='native' cache='none'"},
                {"vde", "virtio", "raw", "error_policy='enospace'"},
        };
        for (String[] d : layout) {
            disks.append("""
                        <disk type='file' device='disk'>
                          <driver name='qemu' type='%s' %s/>
                          <source file='/var/lib/vireo/images/bench-%s.img'/>
                          <target dev='%s' bus='%s'/>
                          <serial>BENCH-%s</serial>
                        </disk>
                    """.formatted(d[2], d[3], d[0], d[0], d[1], d[0]));
        }
        return """
                <domain type='qemu'>
                  <name>bench</name>
                  <uuid>6ba7b810-9dad-11d1-80b4-00c04fd430c9</uuid>
                  <memory unit='MiB'>1024</memory>
                  <vcpu>2</vcpu>
                  <os><type arch='x86_64' machine='pc'>hvm</type><boot dev='hd'/></os>
                  <devices>
                    <emulator>/usr/bin/qemu-system-x86_64</emulator>
                %s    <controller type='scsi' index='0' model='virtio-scsi'/>
                    <interface type='user'><mac address='52:54:00:00:00:01'/><model type='virtio'/></interface>
                    <serial type='pty'><target port='0'/></serial>
                    <graphics type='vnc' port='5900' autoport='no'/>
                  </devices>
                </domain>
                """.formatted(disks);
    }
}
