package dev.vireo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vireo.process.TestGuest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What Windows guests and tuned guests ask of the command line, started with vireo on the real QEMU
 * 7.2 under TCG: every Hyper-V enlightenment TCG can give (all of libvirt 9's but vpindex), the
 * Windows timers (hypervclock, rtc catchup, pit delay, no HPET, a TSC frequency), an L3 cache, two
 * dies, two NUMA nodes (one shared with discard, one private) and an I/O thread for the disk. The
 * test kernel boots to its marker and QEMU reports what was asked for over QMP. vpindex under TCG
 * and a vsock without {@code /dev/vhost-vsock} are refused at start with a message that says why.
 */
@Timeout(value = 6, unit = TimeUnit.MINUTES)
class WindowsFeaturesCliE2ETest extends GuestCliE2E {
    private static final String HYPERV_BUT_VPINDEX = """
            <hyperv mode='custom'>
              <relaxed state='on'/>
              <vapic state='on'/>
              <spinlocks state='on' retries='8191'/>
              <runtime state='on'/>
              <synic state='on'/>
              <stimer state='on'><direct state='on'/></stimer>
              <reset state='on'/>
              <vendor_id state='on' value='KVM Hv'/>
              <frequencies state='on'/>
              <reenlightenment state='on'/>
              <tlbflush state='on'/>
              <ipi state='on'/>
              <evmcs state='on'/>
              <avic state='on'/>
            </hyperv>
            """;

    private String xml(String name, String hyperv, String extraDevices) throws Exception {
        TestGuest guest = TestGuest.get();
        Path image = tmp.resolve(name + ".qcow2");
        CliDaemon.host("qemu-img", "create", "-q", "-f", "qcow2", image.toString(), "64M");
        return """
                <domain type='qemu'>
                  <name>%s</name>
                  <memory unit='KiB'>262144</memory>
                  <vcpu placement='static'>2</vcpu>
                  <iothreads>1</iothreads>
                  <cputune>
                    <vcpupin vcpu='1' cpuset='0'/>
                    <iothreadpin iothread='1' cpuset='1'/>
                  </cputune>
                  <os>
                    <type arch='x86_64' machine='pc-i440fx-7.2'>hvm</type>
                    <kernel>%s</kernel>
                    <initrd>%s</initrd>
                    <cmdline>%s</cmdline>
                  </os>
                  <features><acpi/><apic/>%s</features>
                  <cpu mode='custom' match='exact' check='none'>
                    <model fallback='forbid'>qemu64</model>
                    <topology sockets='1' dies='2' cores='1' threads='1'/>
                    <cache level='3' mode='emulate'/>
                    <numa>
                      <cell id='0' cpus='0' memory='131072' unit='KiB' memAccess='shared' discard='yes'/>
                      <cell id='1' cpus='1' memory='131072' unit='KiB' memAccess='private'/>
                    </numa>
                  </cpu>
                  <clock offset='localtime'>
                    <timer name='rtc' tickpolicy='catchup'/>
                    <timer name='pit' tickpolicy='delay'/>
                    <timer name='hpet' present='no'/>
                    <timer name='hypervclock' present='yes'/>
                    <timer name='tsc' frequency='2500000000'/>
                  </clock>
                  <devices>
                    <emulator>/usr/bin/qemu-system-x86_64</emulator>
                    <disk type='file' device='disk'>
                      <driver name='qemu' type='qcow2' iothread='1'/>
                      <source file='%s'/>
                      <target dev='vda' bus='virtio'/>
                    </disk>
                    <serial type='file'>
                      <source path='%s'/>
                      <target port='0'/>
                    </serial>
                    <memballoon model='none'/>
                    %s
                  </devices>
                </domain>
                """.formatted(name, guest.kernel(), guest.initrd(), TestGuest.cmdline("idle"), hyperv, image,
                tmp.resolve(name + ".console"), extraDevices);
    }

    @Test
    void aGuestWithWindowsEnlightenmentsTimersAndTopologyBoots() throws Exception {
        Path file = tmp.resolve("win.xml");
        Files.writeString(file, xml("win", HYPERV_BUT_VPINDEX, ""));
        assertEquals(0, vireo("define", file.toString()).exit(), vireo("define", file.toString()).err());
        Run started = vireo("start", "win");
        assertEquals(new Run(0, "Domain win started\n\n", ""), started);
        awaitLine(tmp.resolve("win.console"), TestGuest.READY);
        Run cpus = vireo("qemu-monitor-command", "win", "{\"execute\":\"query-cpus-fast\"}");
        assertTrue(cpus.out().contains("\"die-id\":1"), "the second vCPU sits on die 1: " + cpus);
        for (String property : new String[] {"hv-relaxed", "hv-vapic", "hv-time", "hv-synic", "hv-stimer-direct", "hv-avic", "l3-cache"}) {
            Run on = vireo("qemu-monitor-command", "win", "{\"execute\":\"qom-get\",\"arguments\":{\"path\":"
                    + "\"/machine/unattached/device[0]\",\"property\":\"" + property + "\"}}");
            assertTrue(on.out().contains("\"return\":true"), property + " is on: " + on);
        }
        Run spinlocks = vireo("qemu-monitor-command", "win", "{\"execute\":\"qom-get\",\"arguments\":{\"path\":"
                + "\"/machine/unattached/device[0]\",\"property\":\"hv-spinlocks\"}}");
        assertTrue(spinlocks.out().contains("\"return\":8191"), spinlocks.out());
        Run tsc = vireo("qemu-monitor-command", "win", "{\"execute\":\"qom-get\",\"arguments\":{\"path\":"
                + "\"/machine/unattached/device[0]\",\"property\":\"tsc-frequency\"}}");
        assertTrue(tsc.out().contains("\"return\":2500000000"), tsc.out());
        Run memdevs = vireo("qemu-monitor-command", "win", "{\"execute\":\"query-memdev\"}");
        assertTrue(memdevs.out().contains("\"share\":true") && memdevs.out().contains("\"share\":false"), memdevs.out());
        Run threads = vireo("qemu-monitor-command", "win", "{\"execute\":\"query-iothreads\"}");
        assertTrue(threads.out().contains("\"id\":\"iothread1\""), threads.out());
        // <iothreadpin> and <vcpupin>: the threads QEMU reports run only where the domain pins them
        assertEquals("1", allowedCpus(threadId(threads.out(), "\"id\":\"iothread1\"")), "iothread1's CPUs");
        java.util.regex.Matcher vcpu1 = java.util.regex.Pattern.compile(
                "\"thread-id\":(\\d+),\"props\":\\{[^}]*\\},\"qom-path\":\"[^\"]*\",\"cpu-index\":1[,}]").matcher(cpus.out());
        assertTrue(vcpu1.find(), "vCPU 1 in " + cpus.out());
        assertEquals("0", allowedCpus(Long.parseLong(vcpu1.group(1))), "vCPU 1's CPUs");
        assertEquals(0, vireo("destroy", "win").exit());
        assertEquals(0, vireo("undefine", "win").exit());
    }

    @Test
    void vpindexUnderTcgIsRefusedAtStartNamingIt() throws Exception {
        Path file = tmp.resolve("win.xml");
        Files.writeString(file, xml("win", HYPERV_BUT_VPINDEX.replace("<runtime state='on'/>",
                "<vpindex state='on'/><runtime state='on'/>"), ""));
        assertEquals(0, vireo("define", file.toString()).exit());
        Run printed = vireo("domxml-to-native", "qemu-argv", file.toString());
        assertTrue(printed.out().contains("hv-vpindex=on"), "the command line is libvirt's: " + printed);
        Run started = vireo("start", "win");
        assertEquals(1, started.exit());
        assertTrue(started.err().contains("<hyperv><vpindex state='on'/> needs KVM's Hyper-V emulation"), started.err());
        assertEquals(new Run(0, "shut off\n\n", ""), vireo("domstate", "win"));
        assertEquals(0, vireo("undefine", "win").exit());
    }

    @Test
    void aVsockIsStartedOnlyWhereTheHostHasVhostVsock() throws Exception {
        Path file = tmp.resolve("win.xml");
        Files.writeString(file, xml("win", "", "<vsock model='virtio'><cid auto='yes'/></vsock>"));
        assertEquals(0, vireo("define", file.toString()).exit());
        Run printed = vireo("domxml-to-native", "qemu-argv", file.toString());
        assertTrue(printed.out().contains("-device vhost-vsock-pci,id=vsock0,guest-cid=0,"), printed.out());
        Run started = vireo("start", "win");
        if (Files.exists(Path.of("/dev/vhost-vsock"))) {
            assertEquals(0, started.exit(), started.err());
            Run live = vireo("dumpxml", "win");
            assertTrue(live.out().contains("<cid auto='yes' address='3'/>"), live.out());
        } else {
            assertEquals(1, started.exit());
            assertTrue(started.err().contains("<vsock>: the host has no /dev/vhost-vsock (load the vhost_vsock kernel module"),
                    started.err());
            assertEquals(new Run(0, "shut off\n\n", ""), vireo("domstate", "win"));
        }
    }

    /** The {@code thread-id} of the QMP reply object that holds {@code marker}. */
    private static long threadId(String reply, String marker) {
        int at = reply.indexOf(marker);
        assertTrue(at >= 0, marker + " in " + reply);
        int start = reply.lastIndexOf('{', at);
        int end = reply.indexOf('}', at);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"thread-id\":(\\d+)").matcher(reply.substring(start, end));
        assertTrue(m.find(), "thread-id near " + marker + " in " + reply);
        return Long.parseLong(m.group(1));
    }

    /** The host CPUs a thread may run on, as the kernel lists them. */
    private static String allowedCpus(long tid) throws Exception {
        return Files.readAllLines(Path.of("/proc/" + tid + "/status")).stream()
                .filter(l -> l.startsWith("Cpus_allowed_list:")).map(l -> l.split(":")[1].strip()).findFirst().orElseThrow();
    }
}
