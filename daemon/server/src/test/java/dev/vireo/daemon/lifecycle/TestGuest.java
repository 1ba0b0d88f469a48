package dev.vireo.daemon.lifecycle;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** The tiny TCG test guest (scripts/build-test-guest, built once into the repo's cache) and domains that boot it. */
final class TestGuest {
    private static Path folder;

    private TestGuest() {
    }

    /** Builds the guest on first use; the script caches it. */
    static synchronized Path folder() throws Exception {
        if (folder == null) {
            Path repo = Path.of(System.getProperty("vireo.repo", "../.."));
            Process p = new ProcessBuilder(repo.resolve("scripts/build-test-guest").toString())
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!p.waitFor(600, TimeUnit.SECONDS) || p.exitValue() != 0) throw new IOException("scripts/build-test-guest failed");
            folder = Path.of(out);
        }
        return folder;
    }

    /** A qcow2 image made with qemu-img. */
    static Path image(Path dir, String name) throws Exception {
        Path image = dir.resolve(name + ".qcow2");
        run("qemu-img", "create", "-q", "-f", "qcow2", image.toString(), "64M");
        return image;
    }

    /**
     * A domain that boots the guest with TCG, its serial console in {@code DIR/NAME.console}.
     *
     * @param mode the guest's vireo.mode: write, idle, rewrite
     */
    static String domain(Path dir, String name, String mode) throws Exception {
        Path guest = folder();
        return """
                <domain type='qemu'>
                  <name>%s</name>
                  <memory unit='MiB'>256</memory>
                  <vcpu>1</vcpu>
                  <os>
                    <type arch='x86_64' machine='pc'>hvm</type>
                    <kernel>%s</kernel>
                    <initrd>%s</initrd>
                    <cmdline>console=ttyS0 quiet vireo.mode=%s</cmdline>
                  </os>
                  <features><acpi/></features>
                  <devices>
                    <emulator>/usr/bin/qemu-system-x86_64</emulator>
                    <disk type='file' device='disk'>
                      <driver name='qemu' type='qcow2' cache='none' io='native' copy_on_read='on'/>
                      <source file='%s'/>
                      <target dev='vda' bus='virtio'/>
                    </disk>
                    <serial type='file'><source path='%s'/><target port='0'/></serial>
                  </devices>
                </domain>
                """.formatted(name, guest.resolve("vmlinuz"), guest.resolve("initrd.img"), mode,
                image(dir, name), dir.resolve(name + ".console"));
    }

    /** Waits until the guest printed {@code marker} on its serial console. */
    static void awaitConsole(Path dir, String name, String marker) throws Exception {
        Path console = dir.resolve(name + ".console");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            if (Files.exists(console) && Files.readString(console, StandardCharsets.ISO_8859_1).contains(marker)) return;
            Thread.sleep(100);
        }
        throw new IOException("guest " + name + " did not print " + marker + "; console: "
                + (Files.exists(console) ? Files.readString(console, StandardCharsets.ISO_8859_1) : "(none)"));
    }

    static String run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + out);
        }
        return out;
    }
}
