package dev.vireo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vireo.process.TestGuest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What libvirt 9 guests ask of the command line and of the start beyond devices, started with vireo
 * on the real QEMU 7.2 under TCG: the paravirtual features ({@code <kvm>}, {@code <pmu>},
 * {@code <ioapic driver='qemu'>}, {@code <vmcoreinfo>}), NUMA distances, a virtio-scsi controller's
 * {@code <driver>} with an I/O thread, a virtio disk's queues and an io_uring disk, and every kind of
 * thread pinning: the test kernel boots and writes its disk, QEMU reports the settings over QMP, and
 * each QEMU thread runs where libvirt 9 would run it ({@code <vcpu cpuset>} for those no pin places).
 * {@code <pvspinlock state='on'>} under TCG, a pin on a CPU the host lacks and the CPU cgroup tunables
 * ({@code shares}, {@code period}, {@code quota}, ...) are refused at start with a message that names
 * them.
 */
@Timeout(value = 6, unit = TimeUnit.MINUTES)
class GuestTuningCliE2ETest extends GuestCliE2E {
    private static final String FEATURES = """
            <kvm>
              <hidden state='on'/>
              <hint-dedicated state='on'/>
              <poll-control state='on'/>
              <pv-ipi state='off'/>
              <dirty-ring state='on' size='4096'/>
            </kvm>
            <pvspinlock state='off'/>
            <pmu state='off'/>
            <ioapic driver='qemu'/>
            <vmcoreinfo state='on'/>
            """;

    private static final String CPUTUNE = """
            <cputune>
              <vcpupin vcpu='0' cpuset='1'/>
              <emulatorpin cpuset='0'/>
              <iothreadpin iothread='1' cpuset='1'/>
            </cputune>
            """;

    private String xml(String name, String features, String cputune) throws Exception {
        TestGuest guest = TestGuest.get();
        Path vda = tmp.resolve(name + "-vda.qcow2");
        Path sda = tmp.resolve(name + "-sda.qcow2");
        CliDaemon.host("qemu-img", "create", "-q", "-f", "qcow2", vda.toString(), "64M");
        CliDaemon.host("qemu-img", "create", "-q", "-f", "qcow2", sda.toString(), "16M");
        return """
                <domain type='qemu'>
                  <name>%s</name>
                  <memory unit='KiB'>262144</memory>
                  <vcpu placement='static'>2</vcpu>
                  <iothreads>2</iothreads>
                  %s
                  <os>
                    <type arch='x86_64' machine='pc-q35-7.2'>hvm</type>
                    <kernel>%s</kernel>
                    <initrd>%s</initrd>
                    <cmdline>%s</cmdline>
                  </os>
                  <features><acpi/><apic/>%s</features>
                  <cpu mode='custom' match='exact' check='none'>
                    <model fallback='forbid'>qemu64</model>
                    <numa>
                      <cell id='0' cpus='0' memory='131072' unit='KiB'>
                        <distances><sibling id='0' value='10'/><sibling id='1' value='15'/></distances>
                      </cell>
                      <cell id='1' cpus='1' memory='131072' unit='KiB'/>
                    </numa>
                  </cpu>
                  <devices>
                    <emulator>/usr/bin/qemu-system-x86_64</emulator>
                    <disk type='file' device='disk'>
                      <driver name='qemu' type='qcow2' queues='2' queue_size='256'/>
                      <source file='%s'/>
                      <target dev='vda' bus='virtio'/>
                    </disk>
                    <disk type='file' device='disk'>
                      <driver name='qemu' type='qcow2' io='io_uring'/>
                      <source file='%s'/>
                      <target dev='sda' bus='scsi'/>
                    </disk>
                    <controller type='scsi' index='0' model='virtio-scsi'>
                      <driver queues='2' cmd_per_lun='8' max_sectors='512' ioeventfd='on' iothread='1'/>
                    </controller>
                    <serial type='file'>
                      <source path='%s'/>
                      <target port='0'/>
                    </serial>
                    <memballoon model='none'/>
                  </devices>
                </domain>
                """.formatted(name, cputune, guest.kernel(), guest.initrd(), TestGuest.cmdline("write", "vireo.mib=8"),
                features, vda, sda, tmp.resolve(name + ".console"));
    }

    @Test
    void aTunedGuestBootsWithItsFeaturesQueuesAndPinnedThreads() throws Exception {
        String unpinned = allowedCpus("self");
        assertTrue(cpus(unpinned).containsAll(Set.of(0, 1)), "this test pins to host CPUs 0 and 1; the test may use " + unpinned);
        Path file = tmp.resolve("tuned.xml");
        Files.writeString(file, xml("tuned", FEATURES, CPUTUNE));
        Run defined = vireo("define", file.toString());
        assertEquals(0, defined.exit(), defined.err());
        Run started = vireo("start", "tuned");
        assertEquals(new Run(0, "Domain tuned started\n\n", ""), started);

        // right after the start (the guest has run only briefly): every thread is where libvirt puts it
        Threads threads = threads("tuned");
        assertEquals("1", allowedCpus(threads.vcpu0), "vCPU 0 (<vcpupin cpuset='1'>)");
        assertEquals(unpinned, allowedCpus(threads.vcpu1), "vCPU 1 is not pinned");
        assertEquals("1", allowedCpus(threads.iothread1), "iothread1 (<iothreadpin cpuset='1'>)");
        assertEquals(unpinned, allowedCpus(threads.iothread2), "iothread2 is not pinned (libvirt keeps every I/O thread "
                + "out of the emulator threads)");
        List<Long> emulator = threads.emulator();
        assertTrue(emulator.contains(threads.pid) && emulator.size() >= 2, "the main loop and its helpers: " + emulator);
        assertOnlyOnCpu0(emulator);

        awaitLine(tmp.resolve("tuned.console"), TestGuest.WROTE);
        // threads QEMU started since (block pool workers for the guest's writes) inherit the emulator set
        assertOnlyOnCpu0(threads("tuned").emulator());

        // kernel_irqchip=split is KVM's (the accelerator's) business: TCG takes it and has nothing to show
        assertEquals("false", qomGet("tuned", "/machine/unattached/device[0]", "pmu"));
        Run anon = vireo("qemu-monitor-command", "tuned", "{\"execute\":\"qom-list\",\"arguments\":{\"path\":\"/machine/peripheral-anon\"}}");
        assertTrue(anon.out().contains("child<vmcoreinfo>"), "a vmcoreinfo device: " + anon.out());
        assertEquals("2", qomGet("tuned", "/machine/peripheral/scsi0", "num_queues"));
        assertEquals("8", qomGet("tuned", "/machine/peripheral/scsi0", "cmd_per_lun"));
        assertEquals("512", qomGet("tuned", "/machine/peripheral/scsi0", "max_sectors"));
        assertEquals("true", qomGet("tuned", "/machine/peripheral/scsi0", "ioeventfd"));
        assertTrue(qomGet("tuned", "/machine/peripheral/scsi0", "iothread").contains("iothread1"), "scsi0 runs in iothread1");
        assertEquals("2", qomGet("tuned", "/machine/peripheral/virtio-disk0", "num-queues"));
        assertEquals("256", qomGet("tuned", "/machine/peripheral/virtio-disk0", "queue-size"));
        Run line = vireo("domxml-to-native", "qemu-argv", file.toString());
        assertTrue(line.out().contains("-numa dist,src=0,dst=1,val=15 -numa dist,src=1,dst=0,val=15"), line.out());
        assertTrue(line.out().contains("\"aio\":\"io_uring\""), line.out());
        assertTrue(!line.out().contains("dirty-ring"), "no dirty ring under TCG, as libvirt 9: " + line.out());
        assertEquals(0, vireo("destroy", "tuned").exit());
        assertEquals(0, vireo("undefine", "tuned").exit());
    }

    @Test
    void vcpuCpusetPlacesEveryThreadNoPinPlaces() throws Exception {
        assertTrue(cpus(allowedCpus("self")).contains(1), "this test places threads on host CPU 1");
        Path file = tmp.resolve("placed.xml");
        Files.writeString(file, xml("placed", "", "<cputune><vcpupin vcpu='0' cpuset='0'/></cputune>")
                .replace("<vcpu placement='static'>2</vcpu>", "<vcpu placement='static' cpuset='1'>2</vcpu>"));
        assertEquals(0, vireo("define", file.toString()).exit());
        assertEquals(0, vireo("start", "placed").exit());
        // as libvirt 9: the vCPU pin wins for vCPU 0; the other vCPU, both I/O threads and the emulator threads get the cpuset
        Threads threads = threads("placed");
        assertEquals("0", allowedCpus(threads.vcpu0), "vCPU 0 (<vcpupin cpuset='0'>)");
        for (long tid : List.of(threads.vcpu1, threads.iothread1, threads.iothread2)) {
            assertEquals("1", allowedCpus(tid), "thread " + tid + " " + comm(tid));
        }
        for (long tid : threads.emulator()) assertEquals("1", allowedCpus(tid), "emulator thread " + tid + " " + comm(tid));
        assertEquals(0, vireo("destroy", "placed").exit());
    }

    @Test
    void pvspinlocksUnderTcgAPinOnAMissingCpuAndCgroupTunablesAreRefusedAtStart() throws Exception {
        Path file = tmp.resolve("spin.xml");
        Files.writeString(file, xml("spin", "<pvspinlock state='on'/>", ""));
        assertEquals(0, vireo("define", file.toString()).exit());
        Run printed = vireo("domxml-to-native", "qemu-argv", file.toString());
        assertTrue(printed.out().contains("-cpu qemu64,kvm-pv-unhalt=on "), "the command line is libvirt's: " + printed);
        Run started = vireo("start", "spin");
        assertEquals(1, started.exit());
        assertTrue(started.err().contains("<pvspinlock state='on'>: paravirtual spinlocks (kvm-pv-unhalt) need KVM"), started.err());
        assertEquals(new Run(0, "shut off\n\n", ""), vireo("domstate", "spin"));

        Path pinned = tmp.resolve("pin.xml");
        Files.writeString(pinned, xml("pin", "", "<cputune><emulatorpin cpuset='1023'/></cputune>"));
        assertEquals(0, vireo("define", pinned.toString()).exit());
        Run pin = vireo("start", "pin");
        assertEquals(1, pin.exit());
        assertTrue(pin.err().contains("<emulatorpin cpuset='1023'>: cannot set the CPU affinity of thread"), pin.err());
        assertEquals(new Run(0, "shut off\n\n", ""), vireo("domstate", "pin"));

        // the CPU cgroup tunables have no command-line form: printed as libvirt prints them, refused at start
        Path tuned = tmp.resolve("shares.xml");
        Files.writeString(tuned, xml("shares", "", "<cputune><shares>2048</shares><emulator_quota>30000</emulator_quota></cputune>"));
        assertEquals(0, vireo("define", tuned.toString()).exit());
        assertEquals(0, vireo("domxml-to-native", "qemu-argv", tuned.toString()).exit());
        Run shares = vireo("start", "shares");
        assertEquals(1, shares.exit());
        assertTrue(shares.err().contains("not supported yet: <cputune><shares|emulator_quota> (CPU cgroup tunables"), shares.err());
        assertEquals(new Run(0, "shut off\n\n", ""), vireo("domstate", "shares"));
    }

    /** The running guest's QEMU threads, as QEMU reports its vCPUs and I/O threads. */
    private record Threads(long pid, long vcpu0, long vcpu1, long iothread1, long iothread2) {
        /** Every other thread of the process: libvirt's emulator threads. */
        List<Long> emulator() throws Exception {
            Set<Long> others = Set.of(vcpu0, vcpu1, iothread1, iothread2);
            List<Long> tids = new ArrayList<>();
            try (Stream<Path> tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
                for (Path t : tasks.toList()) {
                    long tid = Long.parseLong(t.getFileName().toString());
                    if (!others.contains(tid)) tids.add(tid);
                }
            }
            return tids;
        }
    }

    private Threads threads(String name) throws Exception {
        Run cpus = vireo("qemu-monitor-command", name, "{\"execute\":\"query-cpus-fast\"}");
        Run io = vireo("qemu-monitor-command", name, "{\"execute\":\"query-iothreads\"}");
        long vcpu0 = vcpuThread(cpus.out(), 0);
        long vcpu1 = vcpuThread(cpus.out(), 1);
        long pid = Long.parseLong(status(vcpu0, "Tgid:"));
        return new Threads(pid, vcpu0, vcpu1, iothread(io.out(), "iothread1"), iothread(io.out(), "iothread2"));
    }

    private static long vcpuThread(String reply, int index) {
        Matcher m = Pattern.compile("\"thread-id\":(\\d+),\"props\":\\{[^}]*\\},\"qom-path\":\"[^\"]*\",\"cpu-index\":"
                + index + "[,}]").matcher(reply);
        assertTrue(m.find(), "vCPU " + index + " in " + reply);
        return Long.parseLong(m.group(1));
    }

    private static long iothread(String reply, String id) {
        Matcher m = Pattern.compile("\\{[^}]*\"id\":\"" + id + "\"[^}]*\\}").matcher(reply);
        assertTrue(m.find(), id + " in " + reply);
        Matcher tid = Pattern.compile("\"thread-id\":(\\d+)").matcher(m.group());
        assertTrue(tid.find(), "thread-id of " + id + " in " + reply);
        return Long.parseLong(tid.group(1));
    }

    /** The {@code return} of {@code qom-get}, as JSON text. */
    private String qomGet(String name, String path, String property) {
        Run r = vireo("qemu-monitor-command", name, "{\"execute\":\"qom-get\",\"arguments\":{\"path\":\"" + path
                + "\",\"property\":\"" + property + "\"}}");
        Matcher m = Pattern.compile("\"return\":(.*)}\\s*$", Pattern.DOTALL).matcher(r.out().strip());
        assertTrue(m.find(), path + " " + property + ": " + r);
        return m.group(1).strip();
    }

    /** The host CPUs a thread (or "self") may run on, as the kernel lists them. */
    private static String allowedCpus(Object tid) throws Exception {
        return status(tid, "Cpus_allowed_list:");
    }

    private static String status(Object tid, String field) throws Exception {
        return Files.readAllLines(Path.of("/proc/" + tid + "/status")).stream()
                .filter(l -> l.startsWith(field)).map(l -> l.substring(field.length()).strip()).findFirst().orElseThrow();
    }

    /** {@code <emulatorpin cpuset='0'>}: each of these threads that still exists runs only on CPU 0. */
    private static void assertOnlyOnCpu0(List<Long> emulator) throws Exception {
        for (long tid : emulator) {
            String allowed;
            try {
                allowed = allowedCpus(tid);
            } catch (java.nio.file.NoSuchFileException ended) {
                continue; // a pool worker that timed out since it was listed
            }
            assertEquals("0", allowed, "emulator thread " + tid + " " + comm(tid));
        }
    }

    private static String comm(long tid) {
        try {
            return Files.readString(Path.of("/proc/" + tid + "/comm")).strip();
        } catch (java.io.IOException e) {
            return "(ended)";
        }
    }

    /** A list such as {@code 0-3,5} as CPU numbers. */
    private static Set<Integer> cpus(String list) {
        Set<Integer> out = new HashSet<>();
        for (String part : list.split(",")) {
            String[] r = part.split("-");
            for (int c = Integer.parseInt(r[0]); c <= Integer.parseInt(r[r.length - 1]); c++) out.add(c);
        }
        return out;
    }
}
