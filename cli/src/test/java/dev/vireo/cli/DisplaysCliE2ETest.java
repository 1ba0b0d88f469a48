package dev.vireo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vireo.process.TestGuest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Displays as libvirt 9 takes them, on the real QEMU 7.2 under TCG: a VNC and a SPICE display side
 * by side, both listening nowhere (the corpus guest graphics-listen-none), boot the test kernel and
 * QEMU reports both; a second display of one type, and a VNC display with autoport='no' and no port,
 * are refused with what is wrong, and the domain stays as it was.
 */
@Timeout(value = 6, unit = TimeUnit.MINUTES)
class DisplaysCliE2ETest {
    private static final Duration BOOT = Duration.ofSeconds(240);

    @TempDir
    Path tmp;
    CliDaemon vireod;

    @BeforeEach
    void start() throws Exception {
        TestGuest.get();
        vireod = CliDaemon.start(tmp);
    }

    @AfterEach
    void stop() {
        vireod.close();
    }

    private Run vireo(String... args) {
        return vireod.vireo(args);
    }

    private String define(String name, String graphics) throws Exception {
        TestGuest guest = TestGuest.get();
        String xml = """
                <domain type='qemu'>
                  <name>%s</name>
                  <memory unit='KiB'>262144</memory>
                  <vcpu placement='static'>1</vcpu>
                  <os>
                    <type arch='x86_64' machine='pc-q35-7.2'>hvm</type>
                    <kernel>%s</kernel>
                    <initrd>%s</initrd>
                    <cmdline>%s</cmdline>
                  </os>
                  <features><acpi/><apic/></features>
                  <devices>
                    <emulator>/usr/bin/qemu-system-x86_64</emulator>
                    <serial type='file'>
                      <source path='%s'/>
                      <target port='0'/>
                    </serial>
                    %s
                    <memballoon model='none'/>
                  </devices>
                </domain>
                """.formatted(name, guest.kernel(), guest.initrd(), TestGuest.cmdline("idle"),
                tmp.resolve(name + ".console"), graphics);
        Path file = tmp.resolve(name + ".xml");
        Files.writeString(file, xml);
        Run defined = vireo("define", file.toString());
        assertEquals(0, defined.exit(), defined.err());
        return file.toString();
    }

    @Test
    void vncAndSpiceSideBySideListeningNowhere() throws Exception {
        define("two", """
                <graphics type='vnc'><listen type='none'/></graphics>
                <graphics type='spice'><listen type='none'/></graphics>""");
        Run started = vireo("start", "two");
        assertEquals(0, started.exit(), started.err());
        CliDaemon.awaitConsole(tmp.resolve("two.console"), TestGuest.READY, BOOT, tmp.resolve("state/log/two.log"));
        // QEMU has the VNC server (for clients handed over by QMP) with no network listener
        Run vnc = vireo("qemu-monitor-command", "two", "{\"execute\":\"query-vnc-servers\"}");
        assertEquals(0, vnc.exit(), vnc.err());
        assertTrue(vnc.out().contains("\"id\":\"default\"") && vnc.out().contains("\"server\":[]"), vnc.out());
        Run spice = vireo("qemu-monitor-command", "two", "{\"execute\":\"query-spice\"}");
        assertEquals(0, spice.exit(), spice.err());
        assertTrue(spice.out().contains("\"enabled\":true") && !spice.out().contains("\"port\""), spice.out());
        assertEquals(0, vireo("destroy", "two").exit());
    }

    @Test
    void twoDisplaysOfOneTypeAndAVncWithoutAPortAreRefused() throws Exception {
        define("twovnc", """
                <graphics type='vnc' autoport='yes'/>
                <graphics type='vnc' autoport='yes'/>""");
        Run refused = vireo("start", "twovnc");
        assertEquals(1, refused.exit());
        assertTrue(refused.err().contains("only one <graphics type='vnc'> is supported"), refused.err());
        assertEquals("shut off", vireo("domstate", "twovnc").out().lines().findFirst().orElse(""));

        String file = define("noport", "<graphics type='vnc' autoport='no'/>");
        String before = vireo("dumpxml", "--inactive", "noport").out();
        String why = "<graphics type='vnc' autoport='no'>: a VNC port must be in the range 5900-65535";
        Run printed = vireo("domxml-to-native", "qemu-argv", file);
        assertEquals(1, printed.exit(), printed.out());
        assertTrue(printed.err().contains(why), printed.err());
        Run started = vireo("start", "noport");
        assertEquals(1, started.exit());
        assertTrue(started.err().contains(why), started.err());
        assertEquals("shut off", vireo("domstate", "noport").out().lines().findFirst().orElse(""));
        assertEquals(before, vireo("dumpxml", "--inactive", "noport").out());
    }
}
