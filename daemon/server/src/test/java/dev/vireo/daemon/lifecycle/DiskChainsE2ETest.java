package dev.vireo.daemon.lifecycle;

import dev.vireo.protocol.BackingLayer;
import dev.vireo.protocol.DiskSummary;
import dev.vireo.protocol.DomainState;
import dev.vireo.client.VireoClient;
import dev.vireo.client.VireoException;
import dev.vireo.process.TestGuest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Disk chains opened by the daemon and handed to QEMU as fds, with QEMU running as {@code nobody}
 * on images only root may open (real vireod, QEMU 7.2, TCG guest).
 */
@DisabledIfSystemProperty(named = "vireo.skipE2E", matches = "true")
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class DiskChainsE2ETest {
    @TempDir
    Path tmp;
    Path images;
    Path consoles;
    DaemonProcess daemon;

    @BeforeEach
    void setUp() throws Exception {
        GuestDomains.guest();
        // nobody must pass through the test's folders (not read the images) and write its console
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxr-xr-x"));
        images = Files.createDirectory(tmp.resolve("images"));
        consoles = Files.createDirectory(tmp.resolve("console"));
        Files.setPosixFilePermissions(consoles, PosixFilePermissions.fromString("rwxrwxrwx"));
    }

    @AfterEach
    void stop() throws Exception {
        if (daemon != null) daemon.close();
    }

    @Test
    void qemuAsNobodyWritesThroughAChainOfRootOnlyImagesAndCopyOnReadFillsTheTop() throws Exception {
        startDaemon("qemu_user = \"nobody\"\n");
        Path written = chain("w", (byte) 0x00);
        Path read = chain("r", (byte) 0x42);
        try (VireoClient c = daemon.client()) {
            String xml = domain("chained", "write", written, read);
            c.define(xml);
            String native_ = c.domXmlToNative(xml, null);
            assertTrue(native_.contains("\"filename\":\"" + written + "\"") && !native_.contains("/dev/fdset"),
                    "domxml-to-native keeps the paths: " + native_);
            c.start("chained");
            String live = c.dumpXml("chained", false);
            // images are numbered across the domain: vda's 1-3, vdb's 4-6
            assertContainsInOrder(live, "<source file='" + written + "' index='1'/>", "<backingStore type='file' index='2'>",
                    "<format type='qcow2'/>", "<source file='" + images.resolve("w-mid.qcow2") + "'/>",
                    "<backingStore type='file' index='3'>", "<format type='raw'/>",
                    "<source file='" + images.resolve("w-base.raw") + "'/>", "<backingStore/>",
                    "<source file='" + read + "' index='4'/>");
            String fdsets = c.qemuMonitorCommand("chained", "{\"execute\":\"query-fdsets\"}").toString();
            assertTrue(fdsets.contains("vireo-image-1-rw") && fdsets.contains("vireo-image-3-ro")
                    && fdsets.contains("vireo-image-5-ro") && !fdsets.contains("vireo-image-1-ro"), fdsets);
            assertEquals("nobody", qemuUser("chained"));
            DiskSummary vda = c.domBlkList("chained").getFirst();
            assertEquals(List.of(new BackingLayer(2, "file", "qcow2", images.resolve("w-mid.qcow2").toString()),
                    new BackingLayer(3, "file", "raw", images.resolve("w-base.raw").toString())), vda.backingChain());

            GuestDomains.awaitConsole(consoles.resolve("chained.console"), TestGuest.WROTE, DaemonProcess.CONSOLE_WAIT,
                    tmp.resolve("state/log/chained.log"));
        }
        // a restarted daemon takes the guest over with its chain (kept in the runtime record)
        daemon.restart();
        try (VireoClient c = daemon.client()) {
            assertEquals(2, c.domBlkList("chained").getFirst().backingChain().size());
            c.shutdown("chained", Duration.ofSeconds(90));
            assertEquals(new DomainState("shut off", "shutdown"), c.domState("chained"));
        }
        // the pattern is in the top image itself, and the backing layers are untouched
        assertReads(written, "0x5a", 0, 1 << 20);
        assertReads(images.resolve("w-base.raw"), "0x00", 0, 1 << 20);
        // vdb was only read (partition scan): copy-on-read pulled the base's bytes into its top
        assertReads(read, "0x42", 0, 4096);
    }

    @Test
    void withoutFdPassingQemuAsNobodyCannotOpenTheImages() throws Exception {
        startDaemon("qemu_user = \"nobody\"\npass_disk_fds = 0\n");
        Path top = chain("w", (byte) 0x00);
        try (VireoClient c = daemon.client()) {
            c.define(domain("plain", "idle", top, chain("r", (byte) 0x42)));
            VireoException e = assertThrows(VireoException.class, () -> c.start("plain"));
            assertTrue(e.getMessage().contains("Permission denied"), e.getMessage());
            assertShutOffWithNothingRunning(c, "plain");
        }
    }

    @Test
    void aRawDiskHoldingAQcow2HeaderThatNamesShadowIsNotFollowed() throws Exception {
        startDaemon("qemu_user = \"nobody\"\n");
        Path guestDisk = images.resolve("guest.raw");
        GuestDomains.run("qemu-img", "create", "-q", "-f", "qcow2", "-u", "-b", "/etc/shadow", "-F", "raw",
                guestDisk.toString(), "64M");
        rootOnly(guestDisk);
        try (VireoClient c = daemon.client()) {
            c.define(domain("raw", "idle", guestDisk, chain("r", (byte) 0x42)).replaceFirst("type='qcow2'", "type='raw'"));
            c.start("raw");
            String live = c.dumpXml("raw", false);
            assertFalse(live.contains("shadow"), live);
            assertContainsInOrder(live, "<source file='" + guestDisk + "' index='1'/>", "<backingStore/>");
            // vda is image 1 alone; vdb's chain is 2-4
            String fdsets = c.qemuMonitorCommand("raw", "{\"execute\":\"query-fdsets\"}").toString();
            assertTrue(fdsets.contains("vireo-image-4-ro") && !fdsets.contains("vireo-image-5"),
                    "only the raw image itself is passed for vda: " + fdsets);
            String blocks = c.qemuMonitorCommand("raw", "{\"execute\":\"query-block\"}").toString();
            assertFalse(blocks.contains("shadow"), blocks);
            c.destroy("raw");
        }
    }

    @Test
    void aLoopAMissingLayerAndAnUnrecordedFormatEachRefuseTheStart() throws Exception {
        startDaemon("qemu_user = \"nobody\"\n");
        Path a = images.resolve("loop-a.qcow2");
        Path b = images.resolve("loop-b.qcow2");
        GuestDomains.run("qemu-img", "create", "-q", "-f", "qcow2", a.toString(), "64M");
        GuestDomains.run("qemu-img", "create", "-q", "-f", "qcow2", "-b", "loop-a.qcow2", "-F", "qcow2", b.toString());
        GuestDomains.run("qemu-img", "rebase", "-q", "-u", "-f", "qcow2", "-b", "loop-b.qcow2", "-F", "qcow2", a.toString());
        Path missing = images.resolve("missing-top.qcow2");
        GuestDomains.run("qemu-img", "create", "-q", "-f", "qcow2", "-u", "-b", "gone.qcow2", "-F", "qcow2",
                missing.toString(), "64M");
        Path qcow2Base = images.resolve("qed-base.qcow2");
        GuestDomains.run("qemu-img", "create", "-q", "-f", "qcow2", qcow2Base.toString(), "64M");
        Path qed = images.resolve("unrecorded.qed");
        GuestDomains.run("qemu-img", "create", "-q", "-f", "qed", "-b", "qed-base.qcow2", "-F", "qcow2", qed.toString());
        Path other = chain("r", (byte) 0x42);
        try (VireoClient c = daemon.client()) {
            c.define(domain("loop", "idle", b, other));
            c.define(domain("missing", "idle", missing, other));
            c.define(domain("unrecorded", "idle", qed, other).replaceFirst("type='qcow2'", "type='qed'"));

            assertRefused(c, "loop", "disk 'vda': " + a + ": backing file 'loop-b.qcow2' (" + b
                    + ") is " + b + ", already layer 0 of the chain: backing chain loop");
            assertRefused(c, "missing", "disk 'vda': " + missing + ": backing file 'gone.qcow2' (resolved to "
                    + images.resolve("gone.qcow2") + ", relative to the overlay's directory) does not exist");
            assertRefused(c, "unrecorded", "disk 'vda': " + qed + ": backing file 'qed-base.qcow2' has no recorded format");
        }
    }

    private void startDaemon(String conf) throws Exception {
        Path state = Files.createDirectories(tmp.resolve("state"));
        Files.writeString(state.resolve("vireod.conf"), "# written by DiskChainsE2ETest\n" + conf);
        daemon = DaemonProcess.start(tmp);
    }

    /** raw base (filled with {@code fill}) <- qcow2 <- qcow2 top, relative backing names, all 0600 root. */
    private Path chain(String prefix, byte fill) throws Exception {
        Path base = images.resolve(prefix + "-base.raw");
        Files.write(base, filled(fill, 64 << 20));
        GuestDomains.run("qemu-img", "create", "-q", "-f", "qcow2", "-b", prefix + "-base.raw", "-F", "raw",
                images.resolve(prefix + "-mid.qcow2").toString());
        Path top = images.resolve(prefix + "-top.qcow2");
        GuestDomains.run("qemu-img", "create", "-q", "-f", "qcow2", "-b", prefix + "-mid.qcow2", "-F", "qcow2", top.toString());
        for (String name : new String[] {"-base.raw", "-mid.qcow2", "-top.qcow2"}) rootOnly(images.resolve(prefix + name));
        return top;
    }

    private static byte[] filled(byte fill, int size) {
        byte[] bytes = new byte[size];
        java.util.Arrays.fill(bytes, fill);
        return bytes;
    }

    private static void rootOnly(Path file) throws Exception {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    }

    private String domain(String name, String mode, Path vda, Path vdb) throws Exception {
        return GuestDomains.domain(name, mode, consoles.resolve(name + ".console"), """
                <disk type='file' device='disk'>
                  <driver name='qemu' type='qcow2' copy_on_read='on'/>
                  <source file='%s'/>
                  <target dev='vda' bus='virtio'/>
                </disk>
                <disk type='file' device='disk'>
                  <driver name='qemu' type='qcow2' copy_on_read='on'/>
                  <source file='%s'/>
                  <target dev='vdb' bus='virtio'/>
                </disk>
                """.formatted(vda, vdb));
    }

    /** The user name of the QEMU process running {@code domain}. */
    private String qemuUser(String domain) throws Exception {
        for (Path f : daemon.runtimeFiles()) {
            if (!f.getFileName().toString().equals(domain + ".json")) continue;
            long pid = RuntimeRecord.read(f).pid();
            return GuestDomains.run("ps", "-o", "user=", "-p", Long.toString(pid)).strip();
        }
        throw new AssertionError("no runtime record for " + domain + ": " + daemon.runtimeFiles());
    }

    private void assertRefused(VireoClient c, String domain, String message) throws Exception {
        VireoException e = assertThrows(VireoException.class, () -> c.start(domain));
        assertTrue(e.getMessage().contains(message), "expected '" + message + "' in: " + e.getMessage());
        assertShutOffWithNothingRunning(c, domain);
    }

    private void assertShutOffWithNothingRunning(VireoClient c, String domain) throws Exception {
        assertEquals("shut off", c.domState(domain).state());
        assertTrue(c.list(false).isEmpty(), "no domain runs");
        assertTrue(daemon.runtimeFiles().stream().noneMatch(f -> f.getFileName().toString().startsWith(domain + ".")),
                "no runtime files: " + daemon.runtimeFiles());
        String processes = GuestDomains.run("ps", "-eo", "args=");
        assertFalse(processes.contains("-name " + domain + " ") || processes.contains("guest=" + domain + ","), processes);
    }

    private static void assertReads(Path image, String pattern, long offset, int length) throws Exception {
        String format = image.toString().endsWith(".raw") ? "raw" : "qcow2";
        // the image alone, its backing file switched off: what the layer itself holds
        String spec = format.equals("raw") ? image.toString()
                : "json:{\"driver\":\"qcow2\",\"backing\":null,\"file\":{\"driver\":\"file\",\"filename\":\"" + image + "\"}}";
        String out = format.equals("raw")
                ? GuestDomains.run("qemu-io", "-r", "-f", "raw", "-c", "read -P " + pattern + " " + offset + " " + length, spec)
                : GuestDomains.run("qemu-io", "-r", "-c", "read -P " + pattern + " " + offset + " " + length, spec);
        assertFalse(out.contains("Pattern verification failed"), image + ": " + out);
    }

    private static void assertContainsInOrder(String text, String... parts) {
        int at = 0;
        for (String part : parts) {
            int found = text.indexOf(part, at);
            assertTrue(found >= 0, "'" + part + "' after offset " + at + " in:\n" + text);
            at = found + part.length();
        }
    }
}
