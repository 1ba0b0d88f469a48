package dev.vireo.daemon.lifecycle;

import dev.vireo.client.VireoClient;
import dev.vireo.client.VireoException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * change-media on a real guest's IDE CD-ROM (vireod, QEMU 7.2, TCG): the test guest's cdrom mode
 * prints the first bytes of /dev/sr0 whenever they change, so each medium is seen by the guest.
 */
@DisabledIfSystemProperty(named = "vireo.skipE2E", matches = "true")
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class MediaChangeE2ETest {
    private static final String A = "41".repeat(16);
    private static final String B = "42".repeat(16);

    @TempDir
    Path tmp;
    DaemonProcess daemon;

    @BeforeEach
    void setUp() throws Exception {
        daemon = DaemonProcess.start(tmp);
    }

    @AfterEach
    void stop() throws Exception {
        if (daemon != null) daemon.close();
    }

    @Test
    void theGuestReadsEachMediumAndTheTrayMovesAreReported() throws Exception {
        Path a = medium("a.iso", (byte) 0x41);
        Path b = medium("b.iso", (byte) 0x42);
        try (VireoClient c = daemon.client(); VireoClient events = daemon.client()) {
            c.define(GuestDomains.domain("cd", "cdrom", tmp.resolve("cd.console"), """
                    <disk type='file' device='disk'>
                      <driver name='qemu' type='qcow2'/>
                      <source file='%s'/>
                      <target dev='vda' bus='virtio'/>
                    </disk>
                    <disk type='file' device='cdrom'>
                      <driver name='qemu' type='raw'/>
                      <source file='%s'/>
                      <target dev='hdc' bus='ide'/>
                      <readonly/>
                    </disk>
                    """.formatted(GuestDomains.image(tmp, "cd"), a)));
            c.start("cd");
            awaitMedium(1, A);
            events.subscribe("cd");

            c.call("change-media", request("hdc", b, "update"));
            awaitMedium(1, B);
            String live = c.dumpXml("cd", false);
            assertTrue(live.contains("<source file='" + b + "' index='3'/>"), live);
            String fdsets = c.qemuMonitorCommand("cd", "{\"execute\":\"query-fdsets\"}").toString();
            assertTrue(fdsets.contains("vireo-image-3-ro") && !fdsets.contains("vireo-image-2-"), fdsets);
            List<String> trays = new ArrayList<>();
            events.eventLoop(Duration.ofSeconds(20), e -> {
                if (e.kind().equals("tray-change")) trays.add(e.event() + ": " + e.detail());
                return trays.size() < 2;
            });
            assertEquals(List.of("ide0-1-0: opened", "ide0-1-0: closed"), trays);

            c.call("change-media", request("hdc", null, "eject"));
            awaitMedium(1, "none");
            assertFalse(c.dumpXml("cd", false).contains(b.toString()));
            VireoException empty = assertThrows(VireoException.class, () -> c.call("change-media", request("hdc", null, "eject")));
            assertTrue(empty.getMessage().contains("The disk device 'hdc' doesn't have media"), empty.getMessage());

            c.call("change-media", request("hdc", a, "insert"));
            awaitMedium(2, A);
            String nodes = c.qemuMonitorCommand("cd",
                    "{\"execute\":\"query-named-block-nodes\",\"arguments\":{\"flat\":true}}").toString();
            // after the eject no image of hdc is left, so the new medium takes number 2 again
            assertFalse(nodes.contains("libvirt-3-"), "the old medium's nodes are gone: " + nodes);
            fdsets = c.qemuMonitorCommand("cd", "{\"execute\":\"query-fdsets\"}").toString();
            assertTrue(fdsets.contains("vireo-image-2-ro") && !fdsets.contains("vireo-image-3-"), fdsets);

            VireoException full = assertThrows(VireoException.class, () -> c.call("change-media", request("hdc", b, "insert")));
            assertTrue(full.getMessage().contains("The disk device 'hdc' already has media"), full.getMessage());
            VireoException fixed = assertThrows(VireoException.class, () -> c.call("change-media", request("vda", b, "update")));
            assertTrue(fixed.getMessage().contains("The disk device 'vda' is not removable"), fixed.getMessage());
            c.destroy("cd");
        }
    }

    private Map<String, Object> request(String target, Path source, String mode) {
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("domain", "cd");
        args.put("target", target);
        if (source != null) args.put("source", source.toString());
        args.put("mode", mode);
        args.put("live", true);
        return args;
    }

    private Path medium(String name, byte fill) throws Exception {
        byte[] bytes = new byte[1 << 20];
        Arrays.fill(bytes, fill);
        return Files.write(tmp.resolve(name), bytes);
    }

    /** Waits until the guest printed {@code VIREO-GUEST-MEDIUM hex} at least {@code times} times. */
    private void awaitMedium(int times, String hex) throws Exception {
        Path console = tmp.resolve("cd.console");
        String line = "VIREO-GUEST-MEDIUM " + hex + "\n";
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        for (;;) {
            String text = Files.exists(console) ? Files.readString(console, StandardCharsets.ISO_8859_1).replace("\r", "") : "";
            if (text.split(java.util.regex.Pattern.quote(line), -1).length - 1 >= times) return;
            if (System.nanoTime() > deadline) throw new AssertionError("no " + times + "x " + line.strip() + " in:\n" + text);
            Thread.sleep(100);
        }
    }
}
