package dev.vireo.daemon.lifecycle;

import dev.vireo.process.TestGuest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Domains that boot the tiny TCG test guest ({@link TestGuest}, built once into the repository's
 * cache by scripts/build-test-guest), and the small host commands the end-to-end tests run.
 */
final class GuestDomains {

    private GuestDomains() {
    }

    /** The built guest (built on first use). */
    static TestGuest guest() throws IOException, InterruptedException {
        return TestGuest.get();
    }

    /**
     * A guest without disk or kernel: its firmware idles, which is all a start, a destroy or a
     * daemon crash test needs. {@code devices} go inside {@code <devices>}; the qemu namespace is declared.
     */
    static String idler(String name, String devices) {
        return """
                <domain type='qemu' xmlns:qemu='http://libvirt.org/schemas/domain/qemu/1.0'>
                  <name>%s</name>
                  <memory unit='MiB'>32</memory>
                  <os><type arch='x86_64' machine='pc'>hvm</type></os>
                  <devices><emulator>/usr/bin/qemu-system-x86_64</emulator>%s</devices>
                </domain>
                """.formatted(name, devices);
    }

    /** A qcow2 image made with qemu-img. */
    static Path image(Path dir, String name) throws Exception {
        Path image = dir.resolve(name + ".qcow2");
        run("qemu-img", "create", "-q", "-f", "qcow2", image.toString(), "64M");
        return image;
    }

    /**
     * A domain that boots the guest with TCG and a fresh qcow2 disk (cache none, io native,
     * copy_on_read on), its serial console in {@code DIR/NAME.console}.
     *
     * @param mode the guest's vireo.mode: write, idle, rewrite
     */
    static String domain(Path dir, String name, String mode) throws Exception {
        return domain(name, mode, dir.resolve(name + ".console"), """
                <disk type='file' device='disk'>
                  <driver name='qemu' type='qcow2' cache='none' io='native' copy_on_read='on'/>
                  <source file='%s'/>
                  <target dev='vda' bus='virtio'/>
                </disk>
                """.formatted(image(dir, name)));
    }

    /** A domain that boots the guest with TCG, with the given {@code <disk>} elements. */
    static String domain(String name, String mode, Path console, String disks) throws Exception {
        TestGuest guest = guest();
        return """
                <domain type='qemu'>
                  <name>%s</name>
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
                %s    <serial type='file'><source path='%s'/><target port='0'/></serial>
                  </devices>
                </domain>
                """.formatted(name, guest.kernel(), guest.initrd(), TestGuest.cmdline(mode),
                disks.indent(4), console);
    }

    /**
     * Waits for {@code marker} in a whole line of a guest's serial console, firmware escapes
     * dropped (OVMF's CSI sequences, SeaBIOS's reset {@code ESC c}), and returns that line from the
     * marker on. The marker need not start its line: SeaBIOS ends "Booting from ROM.." without a
     * newline, so the guest's first line follows it on the same one. Only whole lines count: under
     * load QEMU writes the console a few bytes at a time, and a line read before its newline came
     * would be cut short.
     *
     * @param domainLog the domain's QEMU log, quoted when the marker does not come
     */
    static String awaitConsole(Path console, String marker, Duration timeout, Path domainLog) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (Files.exists(console)) {
                String text = Files.readString(console, StandardCharsets.ISO_8859_1);
                String whole = text.substring(0, text.lastIndexOf('\n') + 1).replaceAll("\u001b(\\[[0-9;=?]*[A-Za-z]|c)", "");
                for (String line : whole.split("\r?\n")) {
                    int at = line.indexOf(marker);
                    if (at >= 0) return line.substring(at);
                }
            }
            if (System.nanoTime() > deadline) {
                String text = Files.exists(console) ? Files.readString(console, StandardCharsets.ISO_8859_1) : "(no file)";
                String log = Files.exists(domainLog) ? Files.readString(domainLog) : "(no log)";
                throw new AssertionError("no " + marker + " on " + console + " within " + timeout + "; it ends: "
                        + text.substring(Math.max(0, text.length() - 600)) + "\nthe domain's log: " + log);
            }
            Thread.sleep(50);
        }
    }

    /** The number of the last round the rewriting guest finished on its console (0 before the first). */
    static int lastRound(Path console) throws Exception {
        String text = Files.readString(console, StandardCharsets.ISO_8859_1);
        int at = text.lastIndexOf(TestGuest.ROUND + " ");
        if (at < 0) return 0;
        String rest = text.substring(at + TestGuest.ROUND.length() + 1);
        return Integer.parseInt(rest.substring(0, rest.indexOf(' ')));
    }

    /** Waits until the rewriting guest finished round {@code round} (or a later one). */
    static void awaitRound(Path console, int round) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        while (!Files.exists(console) || lastRound(console) < round) {
            assertTrue(System.nanoTime() < deadline, "the guest finished round " + round);
            Thread.sleep(100);
        }
    }

    /** Runs a host command (qemu-img, qemu-io, ps) and returns its output; fails on a non-zero exit. */
    static String run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + out);
        }
        return out;
    }
}
