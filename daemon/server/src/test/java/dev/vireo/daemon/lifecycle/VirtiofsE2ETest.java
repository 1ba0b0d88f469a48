package dev.vireo.daemon.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vireo.client.VireoClient;
import dev.vireo.client.VireoException;
import dev.vireo.process.TestGuest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * virtiofs on QEMU 7.2 with its own virtiofsd (found through /usr/share/qemu/vhost-user): the daemon
 * starts virtiofsd before QEMU, QEMU connects to it and realises the vhost-user-fs-pci device, and
 * virtiofsd is gone with the guest. The test guest's initramfs has no virtiofs module (only virtio
 * block and ACPI), so the guest cannot mount the share: QMP proves the device is realised and
 * connected (a vhost-user-fs device whose backend is not there fails QEMU's start instead).
 */
@DisabledIfSystemProperty(named = "vireo.skipE2E", matches = "true")
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class VirtiofsE2ETest {
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

    private static String domain(TestGuest guest, Path share, String memoryBacking) {
        return """
                <domain type='qemu'>
                  <name>fs</name>
                  <uuid>5b0f6f0e-4d43-4f0c-9a3e-2f1c2b7a9e11</uuid>
                  <memory unit='MiB'>256</memory>
                  %s
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
                    <filesystem type='mount' accessmode='passthrough'>
                      <driver type='virtiofs' queue='1024'/>
                      <source dir='%s'/>
                      <target dir='hostshare'/>
                    </filesystem>
                  </devices>
                </domain>
                """.formatted(memoryBacking, guest.kernel(), guest.initrd(), TestGuest.cmdline("idle"), share);
    }

    @Test
    void virtiofsdServesTheFolderWhileTheGuestRunsAndGoesWithIt() throws Exception {
        TestGuest guest = GuestDomains.guest();
        Path share = Files.createDirectories(tmp.resolve("share"));
        Files.writeString(share.resolve("greeting.txt"), "hello from the host\n");
        try (VireoClient c = daemon.client()) {
            c.define(domain(guest, share, "<memoryBacking><source type='memfd'/><access mode='shared'/></memoryBacking>"));
            c.start("fs");
            assertFalse(virtiofsds(share).isEmpty(), "virtiofsd serves the folder (it forks into its sandbox: two processes)");
            String realized = c.qemuMonitorCommand("fs", "{\"execute\":\"qom-get\",\"arguments\":{\"path\":\"/machine/peripheral/fs0\",\"property\":\"realized\"}}");
            assertEquals("{\"return\":true}", realized);
            String tag = c.qemuMonitorCommand("fs", "{\"execute\":\"qom-get\",\"arguments\":{\"path\":\"/machine/peripheral/fs0/virtio-backend\",\"property\":\"tag\"}}");
            assertEquals("{\"return\":\"hostshare\"}", tag);
            String ram = c.qemuMonitorCommand("fs", "{\"execute\":\"qom-get\",\"arguments\":{\"path\":\"/objects/pc.ram\",\"property\":\"share\"}}");
            assertEquals("{\"return\":true}", ram, "the guest's RAM is shared with virtiofsd");
            assertTrue(c.dumpXml("fs", false).contains("<alias name='fs0'/>"));
            c.destroy("fs");
            assertNoVirtiofsd(share);
            assertTrue(daemon.runtimeFiles().isEmpty(), "its socket went too: " + daemon.runtimeFiles());

            c.define(domain(guest, share, ""));
            VireoException refused = assertThrows(VireoException.class, () -> c.start("fs"));
            assertTrue(refused.getMessage().contains("virtiofs requires shared memory"), refused.getMessage());
            assertTrue(virtiofsds(share).isEmpty(), "a refused start starts no virtiofsd");
        }
    }

    /** The virtiofsd processes serving this folder, from /proc. */
    private static List<Long> virtiofsds(Path share) {
        try (Stream<ProcessHandle> all = ProcessHandle.allProcesses()) {
            return all.filter(p -> p.info().commandLine().map(l -> l.contains("virtiofsd") && l.contains("source=" + share)).orElse(false))
                    .map(ProcessHandle::pid).toList();
        }
    }

    private static void assertNoVirtiofsd(Path share) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (!virtiofsds(share).isEmpty()) {
            assertTrue(System.nanoTime() < deadline, "virtiofsd still runs: " + virtiofsds(share));
            Thread.sleep(50);
        }
    }
}
