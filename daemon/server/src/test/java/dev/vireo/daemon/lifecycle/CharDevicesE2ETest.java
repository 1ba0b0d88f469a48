package dev.vireo.daemon.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vireo.client.ConsoleStream;
import dev.vireo.client.VireoClient;
import dev.vireo.process.TestGuest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * A running guest's character devices in its live XML, as libvirt 9 shows them (compared with
 * {@code virsh dumpxml} of the same definition under libvirt 9.0 on QEMU 7.2): the pty of the serial
 * port and console, aliases, the socket the daemon names for the guest agent's channel and its
 * state; all still there after a daemon restart, and the console still works then (the guest runs
 * a shell as PID 1, which answers what is typed).
 */
@DisabledIfSystemProperty(named = "vireo.skipE2E", matches = "true")
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class CharDevicesE2ETest {
    private static final Pattern SERIAL = Pattern.compile("<serial type='pty'>\\s*<source path='(/dev/pts/\\d+)'/>\\s*"
            + "<target [^>]*port='0'.*?<alias name='serial0'/>\\s*</serial>\\s*"
            + "<console type='pty' tty='(/dev/pts/\\d+)'>\\s*<source path='(/dev/pts/\\d+)'/>\\s*"
            + "<target type='serial' port='0'/>\\s*<alias name='serial0'/>\\s*</console>", Pattern.DOTALL);

    @TempDir
    Path tmp;
    DaemonProcess daemon;

    @BeforeEach
    void start() throws Exception {
        daemon = DaemonProcess.start(tmp);
    }

    @AfterEach
    void stop() throws Exception {
        daemon.close();
    }

    @Test
    void ptyPathsAliasesAndTheAgentChannelShowInTheLiveXmlAndSurviveARestart() throws Exception {
        TestGuest guest = GuestDomains.guest();
        String xml = """
                <domain type='qemu'>
                  <name>chars</name>
                  <memory unit='MiB'>256</memory>
                  <vcpu>1</vcpu>
                  <os>
                    <type arch='x86_64' machine='pc'>hvm</type>
                    <kernel>%s</kernel>
                    <initrd>%s</initrd>
                    <cmdline>%s</cmdline>
                  </os>
                  <features><acpi/></features>
                  <devices>
                    <emulator>/usr/bin/qemu-system-x86_64</emulator>
                    <serial type='pty'><target port='0'/></serial>
                    <console type='pty'><target type='serial' port='0'/></console>
                    <channel type='unix'><target type='virtio' name='org.qemu.guest_agent.0'/></channel>
                  </devices>
                </domain>
                """.formatted(guest.kernel(), guest.initrd(), TestGuest.BASE_CMDLINE + " rdinit=/bin/sh");
        Path agent = tmp.resolve("run/qemu/channel/domain-1-chars/org.qemu.guest_agent.0");
        String pty;
        try (VireoClient c = daemon.client()) {
            c.define(xml);
            c.start("chars");
            String live = c.dumpXml("chars", false);
            Matcher m = SERIAL.matcher(live);
            assertTrue(m.find(), live);
            pty = m.group(1);
            assertEquals(pty, m.group(2));
            assertEquals(pty, m.group(3));
            assertTrue(live.contains("""
                        <channel type='unix'>
                          <source mode='bind' path='%s'/>
                          <target type='virtio' name='org.qemu.guest_agent.0' state='disconnected'/>
                          <alias name='channel0'/>
                    """.formatted(agent)), live);
            assertTrue(Files.exists(agent), "QEMU listens on the agent's socket");
            assertFalse(c.dumpXml("chars", true).contains("/dev/pts/"), "the definition keeps no runtime state");
            String chardevs = c.qemuMonitorCommand("chars", "{\"execute\":\"query-chardev\"}");
            assertTrue(chardevs.contains("\"filename\":\"pty:" + pty + "\"") && chardevs.contains("\"label\":\"charserial0\""), chardevs);
            assertTrue(Files.readString(tmp.resolve("run/qemu/chars.json")).contains(pty), "the runtime record keeps the live XML");
        }

        daemon.restart();
        try (VireoClient c = daemon.client()) {
            String live = c.dumpXml("chars", false);
            Matcher m = SERIAL.matcher(live);
            assertTrue(m.find() && m.group(1).equals(pty), "the same pty after the restart: " + live);
            try (VireoClient attached = daemon.client(); ConsoleStream console = attached.console("chars", null, false)) {
                // the guest's shell (busybox as PID 1) answers through the console the restarted daemon opened
                StringBuffer seen = collect(console);
                byte[] command = "echo VIREO-AFTER-$((5*5))\n".getBytes(StandardCharsets.ISO_8859_1);
                long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
                while (!seen.toString().contains("\nVIREO-AFTER-25")) {
                    assertTrue(System.nanoTime() < deadline, "no answer on the console: " + seen);
                    console.write(command, 0, command.length);
                    Thread.sleep(2000);
                }
                console.end();
            }
            c.destroy("chars");
        }
        assertFalse(Files.exists(agent.getParent()), "the channel's folder goes with the guest");
        assertTrue(daemon.runtimeFiles().isEmpty(), "runtime files removed: " + daemon.runtimeFiles());
    }

    /** What the console shows, collected by a thread of its own until it ends. */
    private static StringBuffer collect(ConsoleStream console) {
        StringBuffer seen = new StringBuffer();
        Thread.ofPlatform().daemon().start(() -> {
            byte[] buf = new byte[4096];
            try {
                for (int n; (n = console.read(buf, 0, buf.length)) >= 0; ) seen.append(new String(buf, 0, n, StandardCharsets.ISO_8859_1));
            } catch (Exception ended) {
                seen.append("[console ended: ").append(ended.getMessage()).append(']');
            }
        });
        return seen;
    }
}
