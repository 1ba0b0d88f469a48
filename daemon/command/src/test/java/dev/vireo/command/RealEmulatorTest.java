package dev.vireo.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.vireo.caps.Capability;
import dev.vireo.caps.CapsProber;
import dev.vireo.caps.QemuCaps;
import dev.vireo.conf.DomainXml;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line must be accepted by the real emulator, not only match goldens: probe the
 * installed QEMU with the caps module, build the command line for a domain with several disks
 * (made with qemu-img), start exactly that argv paused, check that it lives and that the QMP
 * monitor answers and lists every disk, then quit it over the monitor.
 */
class RealEmulatorTest {

    private static final Path QEMU = Path.of("/usr/bin/qemu-system-x86_64");
    private static final Path QEMU_IMG = Path.of("/usr/bin/qemu-img");

    @TempDir
    Path dir;

    @Test
    void qemuAcceptsTheBuiltCommandLineAndAnswersOnItsMonitor() throws Exception {
        assumeFalse(Boolean.getBoolean("vireo.skipE2E"), "end-to-end tests skipped (-Dvireo.skipE2E=true)");
        assumeTrue(Files.isExecutable(QEMU) && Files.isExecutable(QEMU_IMG), "QEMU 7.2 and qemu-img are needed");
        QemuCaps caps = new CapsProber().probe(QEMU);
        assertTrue(caps.has(Capability.DEVICE) && caps.has(Capability.DRIVE_AIO)
                && caps.has(Capability.DRIVE_COPY_ON_READ) && caps.has(Capability.CACHE_UNSAFE)
                && caps.has(Capability.MONITOR_JSON), "the probe found the flags this domain needs: " + caps.flags());

        Path system = image("system.qcow2", "qcow2");
        Path data = image("data.raw", "raw");
        Path scratch = image("scratch.qcow2", "qcow2");
        Path legacy = image("legacy.raw", "raw");
        Path iso = dir.resolve("install.iso");
        Files.write(iso, new byte[2048 * 16]);
        String xml = """
                <domain type='qemu'>
                  <name>real-emulator</name>
                  <memory unit='MiB'>64</memory>
                  <vcpu>1</vcpu>
                  <os><type arch='x86_64' machine='pc'>hvm</type></os>
                  <devices>
                    <emulator>%s</emulator>
                    <disk type='file' device='disk'>
                      <driver name='qemu' type='qcow2' cache='none' io='native'/>
                      <source file='%s'/>
                      <target dev='vda' bus='virtio'/>
                    </disk>
                    <disk type='file' device='disk'>
                      <driver name='qemu' type='raw' cache='unsafe' io='threads'/>
                      <source file='%s'/>
                      <target dev='vdb' bus='virtio'/>
                    </disk>
                    <disk type='file' device='disk'>
                      <driver name='qemu' type='qcow2' copy_on_read='on'/>
                      <source file='%s'/>
                      <target dev='hda' bus='ide'/>
                    </disk>
                    <disk type='file' device='disk'>
                      <driver name='qemu' type='raw' cache='writethrough'/>
                      <source file='%s'/>
                      <target dev='hdb' bus='ide'/>
                    </disk>
                    <disk type='file' device='cdrom'>
                      <driver name='qemu' type='raw'/>
                      <source file='%s'/>
                      <target dev='hdc' bus='ide'/>
                      <readonly/>
                    </disk>
                  </devices>
                </domain>
                """.formatted(QEMU, system, data, scratch, legacy, iso);
        CommandLine line = CommandBuilder.build(DomainXml.parse(xml), caps, LaunchOptions.forMonitor(monitor()));
        String shell = line.toShellLine();
        // QEMU 7.2 has -blockdev: every image is a named node pair, the cache mode split into node options
        assertTrue(shell.contains("\"cache\":{\"direct\":true,\"no-flush\":false}") && shell.contains("\"aio\":\"native\"")
                && shell.contains("\"no-flush\":true") && shell.contains("\"aio\":\"threads\"")
                && shell.contains("\"driver\":\"copy-on-read\"") && shell.contains("ide-cd"), shell);
        startPausedAndQuit(caps, line, List.of("\"node-name\": \"libvirt-1-format\"", "\"node-name\": \"libvirt-2-format\"",
                "\"node-name\": \"libvirt-CoR-hda\"", "\"node-name\": \"libvirt-4-format\"", "\"node-name\": \"libvirt-5-format\""));
    }

    @Test
    void qemuAcceptsTheOtherDeviceKinds() throws Exception {
        assumeFalse(Boolean.getBoolean("vireo.skipE2E"), "end-to-end tests skipped (-Dvireo.skipE2E=true)");
        assumeTrue(Files.isExecutable(QEMU) && Files.isExecutable(QEMU_IMG), "QEMU 7.2 and qemu-img are needed");
        QemuCaps caps = new CapsProber().probe(QEMU);
        Path system = image("system.qcow2", "qcow2");
        String xml = """
                <domain type='qemu'>
                  <name>real-devices</name>
                  <memory unit='MiB'>64</memory>
                  <vcpu current='1'>2</vcpu>
                  <cpu><numa><cell cpus='0' memory='32768'/><cell cpus='1' memory='32768'/></numa></cpu>
                  <os><type arch='x86_64' machine='pc'>hvm</type><boot dev='hd'/><bootmenu enable='no'/></os>
                  <features><acpi/></features>
                  <clock offset='localtime'><timer name='rtc' tickpolicy='catchup'/></clock>
                  <on_reboot>destroy</on_reboot>
                  <devices>
                    <emulator>%s</emulator>
                    <disk type='file' device='disk'>
                      <driver name='qemu' type='qcow2' cache='writeback' error_policy='stop'/>
                      <source file='%s'/>
                      <target dev='sda' bus='scsi'/>
                      <serial>REAL-1</serial>
                      <wwn>5000c50015ea71ad</wwn>
                    </disk>
                    <disk type='file' device='disk'>
                      <driver name='qemu' type='raw'/>
                      <source file='%s'/>
                      <target dev='hda' bus='ide'/>
                      <geometry cyls='32' heads='16' secs='63' trans='lba'/>
                    </disk>
                    <disk type='file' device='floppy'>
                      <driver name='qemu' type='raw'/>
                      <source file='%s'/>
                      <target dev='fda' bus='fdc'/>
                    </disk>
                    <disk type='file' device='cdrom'>
                      <driver name='qemu' type='raw'/>
                      <target dev='hdc' bus='ide'/>
                      <readonly/>
                    </disk>
                    <controller type='scsi' index='0' model='virtio-scsi'/>
                    <controller type='virtio-serial' index='0'/>
                    <interface type='user'><mac address='52:54:00:aa:bb:01'/><model type='virtio'/></interface>
                    <interface type='user'><mac address='52:54:00:aa:bb:02'/><model type='e1000'/></interface>
                    <serial type='file'><source path='%s'/><target port='0'/></serial>
                    <channel type='unix'>
                      <source mode='bind' path='%s'/>
                      <target type='virtio' name='org.qemu.guest_agent.0'/>
                    </channel>
                    <input type='tablet' bus='usb'/>
                    <graphics type='vnc' autoport='yes' listen='127.0.0.1'/>
                    <video><model type='vga' vram='16384' heads='1'/></video>
                    <sound model='ich6'/>
                    <sound model='ac97'/>
                    <watchdog model='i6300esb' action='pause'/>
                    <memballoon model='virtio'/>
                  </devices>
                </domain>
                """.formatted(QEMU, system, image("geometry.raw", "raw"), image("floppy.raw", "raw"), dir.resolve("serial.log"),
                        dir.resolve("agent.sock"));
        // Started for real (a domain id): QEMU picks the VNC display itself.
        CommandLine line = CommandBuilder.build(DomainXml.parse(xml), caps,
                LaunchOptions.forMonitor(monitor()).withDomainId(1));
        assertTrue(line.args().contains("127.0.0.1:0,to=99"), line.toShellLine());
        startPausedAndQuit(caps, line, List.of("\"qdev\": \"scsi0-0-0-0\"", "\"qdev\": \"ide0-0-0\"",
                "\"qdev\": \"fdc0-0-0\"", "\"qdev\": \"ide0-1-0\""));
    }

    private Path monitor() {
        return dir.resolve("monitor.sock");
    }

    /**
     * Starts the argv paused, checks that QEMU lives, that QMP answers, that the guest waits in
     * prelaunch and that query-block holds each of {@code drives} (node names, device ids), then
     * quits it over the monitor.
     */
    private void startPausedAndQuit(QemuCaps caps, CommandLine line, List<String> drives) throws Exception {
        String shell = line.toShellLine();
        Process qemu = start(line);
        try {
            try (SocketChannel channel = connect(monitor(), qemu)) {
                assertTrue(qemu.isAlive(), "QEMU exited: " + shell);
                BufferedReader in = new BufferedReader(new InputStreamReader(Channels.newInputStream(channel),
                        StandardCharsets.UTF_8));
                var out = Channels.newOutputStream(channel);
                assertTrue(in.readLine().contains("\"QMP\""), "QMP greeting");
                assertTrue(command(in, out, "qmp_capabilities").contains("\"return\""));
                String status = command(in, out, "query-status");
                assertTrue(status.contains("\"running\": false") && status.contains("prelaunch"),
                        "started paused (-S): " + status);
                String blocks = command(in, out, "query-block");
                for (String drive : drives) {
                    assertTrue(blocks.contains(drive), drive + " in " + blocks);
                }
                assertTrue(command(in, out, "quit").contains("\"return\""));
            }
            assertTrue(qemu.waitFor(10, TimeUnit.SECONDS), "QEMU quits when asked");
            assertEquals(0, qemu.exitValue(), "QEMU exit status; log: " + Files.readString(dir.resolve("qemu.log")));
            System.out.println("QEMU " + caps.versionString() + " accepted: " + shell);
        } finally {
            qemu.destroyForcibly();
        }
    }

    private Path image(String name, String format) throws IOException, InterruptedException {
        Path image = dir.resolve(name);
        Process p = new ProcessBuilder(QEMU_IMG.toString(), "create", "-q", "-f", format, image.toString(), "16M")
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), "qemu-img create: " + output);
        return image;
    }

    /** Runs exactly the built argv with exactly the built environment. */
    private Process start(CommandLine line) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(line.argv());
        Map<String, String> env = builder.environment();
        env.clear();
        for (String entry : line.env()) {
            int eq = entry.indexOf('=');
            env.put(entry.substring(0, eq), entry.substring(eq + 1));
        }
        return builder.redirectErrorStream(true).redirectOutput(dir.resolve("qemu.log").toFile()).start();
    }

    /**
     * Connects to QEMU's monitor once it listens. The socket file appears at bind(), a moment
     * before listen(): a connect in between is refused, so that is retried until the bound.
     */
    private SocketChannel connect(Path socket, Process qemu) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        for (;;) {
            if (!qemu.isAlive()) {
                throw new AssertionError("QEMU exited with " + qemu.exitValue() + ": "
                        + Files.readString(dir.resolve("qemu.log")));
            }
            if (Files.exists(socket)) {
                SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
                try {
                    channel.connect(UnixDomainSocketAddress.of(socket));
                    return channel;
                } catch (java.net.ConnectException notListeningYet) {
                    channel.close();
                }
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no monitor listening on " + socket + " after 20 s: "
                        + Files.readString(dir.resolve("qemu.log")));
            }
            Thread.sleep(20);
        }
    }

    /** Sends one QMP command and returns its reply line, skipping asynchronous events. */
    private static String command(BufferedReader in, java.io.OutputStream out, String name) throws IOException {
        out.write(("{\"execute\": \"" + name + "\"}\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
        List<String> events = new ArrayList<>();
        for (String reply = in.readLine(); reply != null; reply = in.readLine()) {
            if (!reply.contains("\"event\"")) {
                return reply;
            }
            events.add(reply);
        }
        throw new AssertionError("monitor closed after " + name + "; events: " + events);
    }
}
