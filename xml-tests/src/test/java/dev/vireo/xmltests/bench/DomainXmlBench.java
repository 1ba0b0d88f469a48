package dev.vireo.xmltests.bench;

import dev.vireo.conf.DomainXml;
import dev.vireo.conf.XmlProblemsException;
import dev.vireo.conf.model.Domain;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;

/**
 * How many ~3 KB domain documents one thread can parse (validate + bind + defaults + checks) and format
 * back per second. Run through {@code scripts/bench-xml}; prints figures, asserts nothing.
 *
 * <p>Arguments: {@code [seconds per measurement, default 5] [warm-up seconds, default 5]}.
 */
public final class DomainXmlBench {

    /** A typical server guest: disks of each bus, NICs, serial console, agent channel, VNC, tuning. */
    static final String DOMAIN = """
            <domain type='kvm'>
              <name>bench-guest</name>
              <uuid>5eed0000-1111-4222-8333-000000abc123</uuid>
              <title>Benchmark guest</title>
              <memory unit='GiB'>4</memory>
              <currentMemory unit='GiB'>2</currentMemory>
              <vcpu placement='static' cpuset='0-7,^3' current='2'>4</vcpu>
              <cputune>
                <shares>2048</shares>
                <vcpupin vcpu='0' cpuset='0'/>
                <vcpupin vcpu='1' cpuset='1'/>
              </cputune>
              <os>
                <type arch='x86_64' machine='pc'>hvm</type>
                <boot dev='hd'/>
                <boot dev='cdrom'/>
                <bootmenu enable='yes'/>
              </os>
              <features>
                <acpi/>
                <apic/>
                <pae/>
              </features>
              <cpu mode='custom' match='exact'>
                <model fallback='allow'>Westmere</model>
                <topology sockets='1' cores='2' threads='2'/>
                <feature policy='disable' name='aes'/>
              </cpu>
              <clock offset='utc'>
                <timer name='rtc' tickpolicy='catchup'/>
              </clock>
              <on_poweroff>destroy</on_poweroff>
              <on_reboot>restart</on_reboot>
              <on_crash>restart</on_crash>
              <devices>
                <emulator>/usr/bin/qemu-system-x86_64</emulator>
                <disk type='file' device='disk'>
                  <driver name='qemu' type='qcow2' cache='none' io='native' ioeventfd='on' event_idx='on'/>
                  <source file='/var/lib/vireo/images/bench-root.qcow2'/>
                  <target dev='vda' bus='virtio'/>
                  <address type='pci' domain='0x0000' bus='0x00' slot='0x04' function='0x0'/>
                </disk>
                <disk type='block' device='disk'>
                  <driver name='qemu' type='raw' cache='writethrough' error_policy='stop' rerror_policy='report'/>
                  <source dev='/dev/vg0/bench-data'/>
                  <target dev='sda' bus='scsi'/>
                  <serial>BENCH-0001</serial>
                </disk>
                <disk type='file' device='cdrom'>
                  <driver name='qemu' type='raw'/>
                  <source file='/var/lib/vireo/iso/install.iso'/>
                  <target dev='hdc' bus='ide'/>
                  <readonly/>
                </disk>
                <controller type='scsi' index='0' model='virtio-scsi'/>
                <interface type='network'>
                  <mac address='52:54:00:12:34:56'/>
                  <source network='default'/>
                  <model type='virtio'/>
                  <driver name='vhost'/>
                </interface>
                <interface type='bridge'>
                  <mac address='52:54:00:12:34:57'/>
                  <source bridge='br0'/>
                  <model type='e1000'/>
                </interface>
                <serial type='pty'>
                  <target port='0'/>
                </serial>
                <channel type='unix'>
                  <source mode='bind' path='/var/lib/vireo/channel/bench.agent'/>
                  <target type='virtio' name='org.qemu.guest_agent.0'/>
                </channel>
                <input type='tablet' bus='usb'/>
                <graphics type='vnc' port='-1' autoport='yes' listen='127.0.0.1'/>
                <video>
                  <model type='cirrus' vram='9216' heads='1'/>
                </video>
                <memballoon model='virtio'/>
              </devices>
            </domain>
            """;

    private DomainXmlBench() {
    }

    public static void main(String[] args) throws XmlProblemsException {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 5;
        double warmUp = args.length > 1 ? Double.parseDouble(args[1]) : 5;
        System.out.printf("document: %d bytes; warm-up %.0f s, then %.0f s per figure, one thread%n",
                DOMAIN.getBytes(StandardCharsets.UTF_8).length, warmUp, seconds);
        Domain parsed = DomainXml.parse(DOMAIN);
        run("warm-up", warmUp, () -> DomainXml.format(DomainXml.parse(DOMAIN)));
        report("parse+validate+bind+defaults+checks+format", run("full", seconds, () -> DomainXml.format(DomainXml.parse(DOMAIN))));
        report("parse only (validate+bind+defaults+checks)", run("parse", seconds, () -> DomainXml.parse(DOMAIN)));
        report("format only", run("format", seconds, () -> DomainXml.format(parsed)));
    }

    private interface Step {
        Object run() throws XmlProblemsException;
    }

    /** Operations per second of wall time and of this thread's CPU time (the machine may be shared). */
    private record Rate(double perWallSecond, double perCpuSecond) {
    }

    /** Runs {@code step} for {@code seconds}; results feed a sink so the work is not optimised away. */
    private static Rate run(String label, double seconds, Step step) throws XmlProblemsException {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long sink = 0;
        long count = 0;
        long end = System.nanoTime() + (long) (seconds * 1e9);
        long start = System.nanoTime();
        long cpuStart = threads.getCurrentThreadCpuTime();
        long now;
        do {
            for (int i = 0; i < 100; i++) sink += step.run().hashCode();
            count += 100;
            now = System.nanoTime();
        } while (now < end);
        long cpu = threads.getCurrentThreadCpuTime() - cpuStart;
        if (sink == 42) System.out.println(label);
        return new Rate(count / ((now - start) / 1e9), count / (cpu / 1e9));
    }

    private static void report(String what, Rate r) {
        System.out.printf("%-45s %,9.0f domains/s per CPU second (%.1f µs CPU each); %,9.0f/s wall clock%n",
                what, r.perCpuSecond(), 1e6 / r.perCpuSecond(), r.perWallSecond());
    }
}
