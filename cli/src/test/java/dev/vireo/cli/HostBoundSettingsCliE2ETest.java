package dev.vireo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vireo.process.TestGuest;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Memory backing, audio and display settings of libvirt 9 guests, started with vireo on the real
 * QEMU 7.2 under TCG: file-backed private RAM allocated at start by two threads, two audio backends
 * with an HDA output codec and a USB audio device, a VNC WebSocket port chosen at start and a video
 * resolution; the test kernel boots and QEMU reports what was asked for. Settings that need what
 * this host may lack (a hugetlbfs mount, a GPU's render node, a SeaBIOS firmware descriptor) are
 * refused at start with the reason, and the domain stays as it was.
 */
@Timeout(value = 6, unit = TimeUnit.MINUTES)
class HostBoundSettingsCliE2ETest extends GuestCliE2E {

    private String qmp(String domain, String command) {
        Run r = vireo("qemu-monitor-command", domain, command);
        assertEquals(0, r.exit(), r.err());
        return r.out();
    }

    @Test
    void fileBackedRamAudioBackendsAndAWebsocketWork() throws Exception {
        defineIdleGuest("tuned", """
                <memoryBacking>
                  <source type='file'/>
                  <access mode='private'/>
                  <allocation mode='immediate' threads='2'/>
                  <discard/>
                </memoryBacking>""", """
                <controller type='usb' model='qemu-xhci'/>
                <graphics type='vnc' autoport='yes' websocket='-1'>
                  <listen type='address' address='127.0.0.1'/>
                </graphics>
                <video><model type='virtio' heads='1' primary='yes'><resolution x='1280' y='800'/></model></video>
                <sound model='ich9'><codec type='output'/></sound>
                <sound model='usb'><audio id='2'/></sound>
                <audio id='1' type='none'/>
                <audio id='2' type='file' path='%s'/>""".formatted(tmp.resolve("tuned.wav")));
        Run started = vireo("start", "tuned");
        assertEquals(new Run(0, "Domain tuned started\n\n", ""), started);
        awaitLine(tmp.resolve("tuned.console"), TestGuest.READY);

        String memdev = qmp("tuned", "{\"execute\":\"query-memdev\"}");
        assertTrue(memdev.contains("\"id\":\"pc.ram\"") && memdev.contains("\"prealloc\":true")
                && memdev.contains("\"share\":false") && memdev.contains("\"size\":268435456"), memdev);
        String threads = qmp("tuned", "{\"execute\":\"qom-get\",\"arguments\":{\"path\":\"/objects/pc.ram\",\"property\":\"prealloc-threads\"}}");
        assertTrue(threads.contains("\"return\":2"), threads);
        String discard = qmp("tuned", "{\"execute\":\"qom-get\",\"arguments\":{\"path\":\"/objects/pc.ram\",\"property\":\"discard-data\"}}");
        assertTrue(discard.contains("\"return\":true"), discard);
        String xres = qmp("tuned", "{\"execute\":\"qom-get\",\"arguments\":{\"path\":\"/machine/peripheral/video0\",\"property\":\"xres\"}}");
        assertTrue(xres.contains("\"return\":1280"), xres);
        for (String[] device : new String[][] {{"sound0-codec0", "hda-output", "audio1"}, {"sound1", "usb-audio", "audio2"}}) {
            String type = qmp("tuned", "{\"execute\":\"qom-get\",\"arguments\":{\"path\":\"/machine/peripheral/" + device[0]
                    + "\",\"property\":\"type\"}}");
            assertTrue(type.contains("\"return\":\"" + device[1] + "\""), type);
            String backend = qmp("tuned", "{\"execute\":\"qom-get\",\"arguments\":{\"path\":\"/machine/peripheral/" + device[0]
                    + "\",\"property\":\"audiodev\"}}");
            assertTrue(backend.contains("\"return\":\"" + device[2] + "\""), backend);
        }
        // The file-backed RAM lives in an unlinked file: nothing named is left in the folder for it.
        try (Stream<Path> shm = Files.list(Path.of("/dev/shm"))) {
            assertTrue(shm.noneMatch(p -> p.getFileName().toString().contains("pc.ram")), "no pc.ram file in /dev/shm");
        }

        // websocket='-1': a port from 5700 is chosen at start, shown in the live XML, and QEMU listens there.
        String live = vireo("dumpxml", "tuned").out();
        Matcher ws = Pattern.compile("websocket='(\\d+)'").matcher(live);
        assertTrue(ws.find(), live);
        int port = Integer.parseInt(ws.group(1));
        assertTrue(port >= 5700, "websocket port " + port);
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 5000);
        }
        assertTrue(vireo("dumpxml", "--inactive", "tuned").out().contains("websocket='-1'"), "the definition keeps -1");
        assertEquals(0, vireo("destroy", "tuned").exit());
        assertEquals(0, vireo("undefine", "tuned").exit());
    }

    @Test
    void hugepagesNeedAHugetlbfsMount() throws Exception {
        String file = defineIdleGuest("huge", "<memoryBacking><hugepages/></memoryBacking>", "");
        String before = vireo("dumpxml", "--inactive", "huge").out();
        Run started = vireo("start", "huge");
        if (hostHasHugetlbfs()) {
            assertEquals(0, started.exit(), started.err());
            String memdev = qmp("huge", "{\"execute\":\"query-memdev\"}");
            assertTrue(memdev.contains("\"prealloc\":true"), memdev);
            assertEquals(0, vireo("destroy", "huge").exit());
        } else {
            assertEquals(1, started.exit());
            assertTrue(started.err().contains("<memoryBacking><hugepages/>: no hugetlbfs filesystem is mounted on this host"),
                    started.err());
            assertEquals(new Run(0, "shut off\n\n", ""), vireo("domstate", "huge"));
            Run printed = vireo("domxml-to-native", "qemu-argv", file);
            assertEquals(1, printed.exit(), "libvirt refuses to print it here too: " + printed.out());
        }
        assertEquals(before, vireo("dumpxml", "--inactive", "huge").out());
        assertEquals(0, vireo("undefine", "huge").exit());
    }

    @Test
    void spiceOpenGlWithoutARenderNodeIsRefusedWithQemusReason() throws Exception {
        String file = defineIdleGuest("gl", "", """
                <graphics type='spice'><listen type='none'/><gl enable='yes'/></graphics>
                <video><model type='virtio' heads='1' primary='yes'><acceleration accel3d='yes'/></model></video>""");
        String before = vireo("dumpxml", "--inactive", "gl").out();
        Run printed = vireo("domxml-to-native", "qemu-argv", file);
        assertEquals(0, printed.exit(), printed.err());
        assertTrue(printed.out().contains("-spice port=0,disable-ticketing=on,gl=on")
                && printed.out().contains("-device virtio-vga-gl,id=video0"), printed.out());
        Run started = vireo("start", "gl");
        if (hostHasRenderNode()) {
            assertEquals(0, started.exit(), started.err());
            assertEquals(0, vireo("destroy", "gl").exit());
        } else {
            assertEquals(1, started.exit());
            assertTrue(started.err().startsWith("error: QEMU refused the command line: egl: no drm render node available"),
                    started.err());
            assertEquals("shut off", vireo("domstate", "gl").out().lines().findFirst().orElse(""));
        }
        assertEquals(before, vireo("dumpxml", "--inactive", "gl").out());
        assertEquals(0, vireo("undefine", "gl").exit());
    }

    @Test
    void firmwareBiosNeedsABiosDescriptorAsInLibvirt90() throws Exception {
        Path file = tmp.resolve("bios.xml");
        Files.writeString(file, idleGuestXml("bios", "", "").replace("<os>", "<os firmware='bios'>"));
        Run defined = vireo("define", file.toString());
        assertEquals(0, defined.exit(), defined.err());
        String before = vireo("dumpxml", "--inactive", "bios").out();
        assertTrue(before.contains("<os firmware='bios'>"), "libvirt 9.0 stores the attribute alone: " + before);
        Run started = vireo("start", "bios");
        if (hostHasBiosDescriptor()) {
            assertEquals(0, started.exit(), started.err());
            assertTrue(vireo("dumpxml", "bios").out().contains("<loader readonly='yes' type='rom'>"), "the chosen image");
            assertEquals(0, vireo("destroy", "bios").exit());
        } else {
            assertEquals(1, started.exit());
            assertTrue(started.err().startsWith("error: <os firmware='bios'>: no BIOS firmware descriptor of the host fits "
                    + "x86_64 machine 'pc-q35-7.2'") && started.err().contains("Leave out firmware='bios'"), started.err());
            assertEquals("shut off", vireo("domstate", "bios").out().lines().findFirst().orElse(""));
        }
        assertEquals(before, vireo("dumpxml", "--inactive", "bios").out());
        assertEquals(0, vireo("undefine", "bios").exit());
    }

    /** Whether the host's QEMU firmware descriptors include a BIOS (Debian's seabios ships none). */
    private static boolean hostHasBiosDescriptor() throws Exception {
        for (Path dir : new Path[] {Path.of("/etc/qemu/firmware"), Path.of("/usr/share/qemu/firmware")}) {
            if (!Files.isDirectory(dir)) continue;
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : files.toList()) {
                    if (Files.readString(f).replaceAll("\\s", "").contains("\"interface-types\":[\"bios\"")) return true;
                }
            }
        }
        return false;
    }

    private static boolean hostHasHugetlbfs() throws Exception {
        return Files.readAllLines(Path.of("/proc/mounts")).stream().anyMatch(l -> l.split(" ")[2].equals("hugetlbfs"));
    }

    private static boolean hostHasRenderNode() throws Exception {
        if (!Files.isDirectory(Path.of("/dev/dri"))) return false;
        try (Stream<Path> nodes = Files.list(Path.of("/dev/dri"))) {
            return nodes.anyMatch(p -> p.getFileName().toString().startsWith("renderD"));
        }
    }
}
