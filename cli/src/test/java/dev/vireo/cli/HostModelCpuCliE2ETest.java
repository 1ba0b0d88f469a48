package dev.vireo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vireo.process.TestGuest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code <cpu mode='host-model'>} under TCG, started with vireo on the real QEMU 7.2: the probe's
 * host-model CPU (the model {@code domcapabilities} names, with its feature differences and the
 * domain's own {@code <feature>} on top) is what {@code domxml-to-native} prints, what the live XML
 * shows (as libvirt 9's: {@code mode='custom' match='exact' check='full'}), and what QEMU runs: the
 * vCPU is of that model and each listed feature is on or off as listed. The test kernel boots on it.
 */
@Timeout(value = 6, unit = TimeUnit.MINUTES)
class HostModelCpuCliE2ETest extends GuestCliE2E {
    private static final Pattern HOST_CPU = Pattern.compile("<hostCpu accel='tcg' model='([^']+)' vendor='([^']+)'");
    private static final Pattern FEATURE = Pattern.compile("<feature policy='(require|disable)' name='([^']+)'/>");

    @Test
    void aHostModelGuestRunsTheProbedCpuWithItsOwnFeatureOnTop() throws Exception {
        Run caps = vireo("domcapabilities", "--emulatorbin", "/usr/bin/qemu-system-x86_64");
        Matcher host = HOST_CPU.matcher(caps.out());
        assertTrue(host.find(), "the probe describes TCG's host-model CPU: " + caps);
        String model = host.group(1);
        TestGuest guest = TestGuest.get();
        Path file = tmp.resolve("hm.xml");
        Files.writeString(file, """
                <domain type='qemu'>
                  <name>hm</name>
                  <memory unit='KiB'>262144</memory>
                  <vcpu placement='static'>2</vcpu>
                  <os>
                    <type arch='x86_64' machine='pc-q35-7.2'>hvm</type>
                    <kernel>%s</kernel>
                    <initrd>%s</initrd>
                    <cmdline>%s</cmdline>
                  </os>
                  <features><acpi/><apic/></features>
                  <cpu mode='host-model' check='partial'>
                    <topology sockets='1' dies='1' cores='2' threads='1'/>
                    <feature policy='disable' name='pku'/>
                  </cpu>
                  <devices>
                    <emulator>/usr/bin/qemu-system-x86_64</emulator>
                    <serial type='file'>
                      <source path='%s'/>
                      <target port='0'/>
                    </serial>
                    <memballoon model='none'/>
                  </devices>
                </domain>
                """.formatted(guest.kernel(), guest.initrd(), TestGuest.cmdline("idle"), tmp.resolve("hm.console")));
        assertEquals(0, vireo("define", file.toString()).exit());
        Run printed = vireo("domxml-to-native", "qemu-argv", file.toString());
        assertEquals(0, printed.exit(), printed.err());
        assertTrue(printed.out().contains(" -cpu " + model + ","), "-cpu names the probed model: " + printed.out());
        assertTrue(printed.out().contains(",pku=off"), "the domain's own feature is applied: " + printed.out());

        assertEquals(new Run(0, "Domain hm started\n\n", ""), vireo("start", "hm"));
        awaitLine(tmp.resolve("hm.console"), TestGuest.READY);
        String live = vireo("dumpxml", "hm").out();
        assertTrue(live.contains("<cpu mode='custom' match='exact' check='full'>"), live);
        assertTrue(live.contains("<model fallback='forbid'>" + model + "</model>"), live);
        assertTrue(live.contains("<vendor>" + host.group(2) + "</vendor>"), live);
        assertTrue(live.matches("(?s).*<topology [^>]*cores='2'.*"), "the topology stays: " + live);
        assertTrue(live.contains("<feature policy='disable' name='pku'/>"), live);
        String inactive = vireo("dumpxml", "--inactive", "hm").out();
        assertTrue(inactive.contains("<cpu mode='host-model' check='partial'>"), "the definition keeps host-model: " + inactive);

        Map<String, Boolean> features = new LinkedHashMap<>();
        Matcher f = FEATURE.matcher(live.substring(live.indexOf("<cpu "), live.indexOf("</cpu>")));
        while (f.find()) features.put(f.group(2), f.group(1).equals("require"));
        assertFalse(features.isEmpty(), "the live CPU lists its features: " + live);
        String vcpu = qomPath(vireo("qemu-monitor-command", "hm", "{\"execute\":\"query-cpus-fast\"}").out());
        Run type = vireo("qemu-monitor-command", "hm", qomGet(vcpu, "type"));
        assertTrue(type.out().contains("\"return\":\"" + model + "-x86_64-cpu\""), "QEMU runs " + model + ": " + type);
        features.forEach((name, on) -> {
            Run value = vireo("qemu-monitor-command", "hm", qomGet(vcpu, name));
            assertTrue(value.out().contains("\"return\":" + on), name + " is " + (on ? "on" : "off") + ": " + value);
        });
        assertEquals(0, vireo("destroy", "hm").exit());
        assertEquals(0, vireo("undefine", "hm").exit());
    }

    private static String qomGet(String path, String property) {
        return "{\"execute\":\"qom-get\",\"arguments\":{\"path\":\"" + path + "\",\"property\":\"" + property + "\"}}";
    }

    /** The first vCPU's QOM path in a {@code query-cpus-fast} reply. */
    private static String qomPath(String reply) {
        Matcher m = Pattern.compile("\"qom-path\":\"([^\"]+)\"").matcher(reply);
        assertTrue(m.find(), "a vCPU in " + reply);
        return m.group(1);
    }
}
