package dev.vireo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vireo.process.TestGuest;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Displays as libvirt 9 takes them, on the real QEMU 7.2 under TCG: a VNC and a SPICE display side
 * by side, both listening nowhere (the corpus guest graphics-listen-none), boot the test kernel and
 * QEMU reports both; a second display of one type, and a VNC display with autoport='no' and no port,
 * are refused with what is wrong, and the domain stays as it was.
 */
@Timeout(value = 6, unit = TimeUnit.MINUTES)
class DisplaysCliE2ETest extends GuestCliE2E {

    @Test
    void vncAndSpiceSideBySideListeningNowhere() throws Exception {
        defineIdleGuest("two", "", """
                <graphics type='vnc'><listen type='none'/></graphics>
                <graphics type='spice'><listen type='none'/></graphics>""");
        Run started = vireo("start", "two");
        assertEquals(0, started.exit(), started.err());
        awaitLine(tmp.resolve("two.console"), TestGuest.READY);
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
        defineIdleGuest("twovnc", "", """
                <graphics type='vnc' autoport='yes'/>
                <graphics type='vnc' autoport='yes'/>""");
        Run refused = vireo("start", "twovnc");
        assertEquals(1, refused.exit());
        assertTrue(refused.err().contains("only one <graphics type='vnc'> is supported"), refused.err());
        assertEquals("shut off", vireo("domstate", "twovnc").out().lines().findFirst().orElse(""));

        String file = defineIdleGuest("noport", "", "<graphics type='vnc' autoport='no'/>");
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
