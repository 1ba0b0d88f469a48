package dev.vireo.daemon.lifecycle;

import dev.vireo.client.VireoClient;
import dev.vireo.client.VireoException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * No host file is reachable through an image (real vireod, QEMU 7.2, TCG guest): images whose
 * content would make QEMU open another file by name, or connect to a network backing, refuse the
 * start before anything runs; for the images that are accepted, QEMU (traced with strace) opens no
 * image path itself. QEMU runs as root here, as the daemon does, so nothing but the daemon's
 * checks stands between the guest and the host's files.
 */
@DisabledIfSystemProperty(named = "vireo.skipE2E", matches = "true")
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class HostileImagesE2ETest {
    @TempDir
    Path tmp;
    Path images;
    DaemonProcess daemon;

    @BeforeEach
    void setUp() throws Exception {
        GuestDomains.guest();
        images = Files.createDirectory(tmp.resolve("images"));
        daemon = DaemonProcess.start(tmp);
    }

    @AfterEach
    void stop() throws Exception {
        if (daemon != null) daemon.close();
    }

    @Test
    void imagesNamingOtherFilesOrANetworkBackingOrNotAFileRefuseTheStart() throws Exception {
        Path secret = images.resolve("secret.raw");
        Files.write(secret, new byte[65536]);
        Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-------"));
        Path forged = forgedSparseVmdk("forged.vmdk", "monolithicFlat", "RW 128 FLAT \"secret.raw\" 0");
        Path flat = images.resolve("flat.vmdk");
        GuestDomains.run("qemu-img", "create", "-q", "-f", "vmdk", "-o", "subformat=monolithicFlat", flat.toString(), "1M");
        Path dataFile = images.resolve("ext.qcow2");
        Path data = images.resolve("ext-data.raw");
        GuestDomains.run("qemu-img", "create", "-q", "-f", "qcow2", "-o", "data_file=" + data, dataFile.toString(), "1M");
        Path network = images.resolve("net.qcow2");
        GuestDomains.run("qemu-img", "create", "-q", "-f", "qcow2", "-u", "-b", "nbd+unix:///x?socket=/run/x.sock",
                "-F", "raw", network.toString(), "1M");
        Path fifo = images.resolve("fifo.raw");
        GuestDomains.run("mkfifo", fifo.toString());

        try (VireoClient c = daemon.client()) {
            assertRefused(c, "forged", "vmdk", forged, "disk 'vda': image '" + forged + "' is a VMDK sparse header with "
                    + "capacity 0 and an embedded descriptor naming extent 'secret.raw': QEMU reads such a file as a "
                    + "descriptor file, so QEMU would open every extent it names by path");
            assertRefused(c, "flat", "vmdk", flat, "disk 'vda': image '" + flat + "' is a VMDK descriptor file "
                    + "(createType 'monolithicFlat') naming extent 'flat-flat.vmdk': QEMU would open every extent it "
                    + "names by path; Vireo refuses images that name other files (convert it: qemu-img convert -f vmdk "
                    + "-O qcow2 " + flat + " NEW.qcow2)");
            assertRefused(c, "datafile", "qcow2", dataFile, "disk 'vda': image '" + dataFile + "' is a qcow2 image "
                    + "naming external data file '" + data + "'");
            assertRefused(c, "network", "qcow2", network, "disk 'vda': image '" + network + "' names network backing "
                    + "'nbd+unix:///x?socket=/run/x.sock' (nbd+unix:): QEMU would connect to it itself; a local image "
                    + "may name a network backing only when vireod.conf sets allow_network_backing = 1");
            assertRefused(c, "fifo", "raw", fifo, "disk 'vda': image '" + fifo + "' is a FIFO (named pipe), not a "
                    + "regular file or block device (opening it would wait for a writer)");
        }
    }

    @Test
    void forAcceptedImagesQemuOpensNoImagePathItself() throws Exception {
        // raw <- qcow2 <- qcow2 (relative names) on vda, a monolithic sparse VMDK over another on vdb
        Path base = images.resolve("base.raw");
        GuestDomains.run("qemu-img", "create", "-q", "-f", "raw", base.toString(), "64M");
        GuestDomains.run("qemu-img", "create", "-q", "-f", "qcow2", "-b", "base.raw", "-F", "raw",
                images.resolve("mid.qcow2").toString());
        Path top = images.resolve("top.qcow2");
        GuestDomains.run("qemu-img", "create", "-q", "-f", "qcow2", "-b", "mid.qcow2", "-F", "qcow2", top.toString());
        GuestDomains.run("qemu-img", "create", "-q", "-f", "vmdk", images.resolve("parent.vmdk").toString(), "64M");
        Path child = images.resolve("child.vmdk");
        GuestDomains.run("qemu-img", "create", "-q", "-f", "vmdk", "-b", "parent.vmdk", "-F", "vmdk", child.toString());
        Path traces = Files.createDirectory(tmp.resolve("traces"));
        // named as the real one: the daemon learns the architecture from the emulator's name
        Path emulator = Files.createDirectory(tmp.resolve("traced")).resolve("qemu-system-x86_64");
        Files.writeString(emulator, """
                #!/bin/sh
                # every open(2) of QEMU and its threads, one log per run (the capability probe runs it too)
                exec strace -f -qq -e trace=open,openat,openat2 -o %s/qemu.$$ /usr/bin/qemu-system-x86_64 "$@"
                """.formatted(traces));
        Files.setPosixFilePermissions(emulator, PosixFilePermissions.fromString("rwxr-xr-x"));
        String xml = GuestDomains.domain("traced", "idle", tmp.resolve("traced.console"), """
                <disk type='file' device='disk'>
                  <driver name='qemu' type='qcow2'/>
                  <source file='%s'/>
                  <target dev='vda' bus='virtio'/>
                </disk>
                <disk type='file' device='disk'>
                  <driver name='qemu' type='vmdk'/>
                  <source file='%s'/>
                  <target dev='vdb' bus='virtio'/>
                </disk>
                """.formatted(top, child)).replace("<emulator>/usr/bin/qemu-system-x86_64</emulator>",
                "<emulator>" + emulator + "</emulator>");

        try (VireoClient c = daemon.client()) {
            c.define(xml);
            c.start("traced");
            assertEquals("running", c.domState("traced").state());
            String fdsets = c.qemuMonitorCommand("traced", "{\"execute\":\"query-fdsets\"}").toString();
            // vda is images 1-3 (top first), vdb images 4-5: the backing layers got read-only sets
            assertTrue(fdsets.contains("vireo-image-3-ro") && fdsets.contains("vireo-image-5-ro"), fdsets);
            c.destroy("traced");
        }
        List<String> opens = new ArrayList<>();
        try (Stream<Path> logs = Files.list(traces)) {
            for (Path log : logs.toList()) opens.addAll(Files.readAllLines(log));
        }
        // the trace is real: QEMU's own opens of the kernel it boots (a path in the XML) are in it
        String kernel = GuestDomains.guest().kernel().toString();
        assertTrue(opens.stream().anyMatch(l -> l.contains("\"" + kernel + "\"")), "kernel open traced: " + opens);
        List<String> imageOpens = opens.stream().filter(l -> l.contains(images.toString())
                || Stream.of("base.raw", "mid.qcow2", "top.qcow2", "parent.vmdk", "child.vmdk").anyMatch(l::contains))
                .toList();
        assertEquals(List.of(), imageOpens, "QEMU opened an image by path");
    }

    /** A monolithic sparse VMDK made by qemu-img, rewritten to capacity 0 with its own descriptor. */
    private Path forgedSparseVmdk(String name, String createType, String extent) throws Exception {
        Path image = images.resolve(name);
        GuestDomains.run("qemu-img", "create", "-q", "-f", "vmdk", image.toString(), "1M");
        String descriptor = "# Disk DescriptorFile\nversion=1\nCID=12345678\nparentCID=ffffffff\ncreateType=\""
                + createType + "\"\n\n" + extent + "\n";
        try (FileChannel channel = FileChannel.open(image, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            ByteBuffer header = ByteBuffer.allocate(64).order(ByteOrder.LITTLE_ENDIAN);
            channel.read(header, 0);
            channel.write(ByteBuffer.allocate(8), 12); // capacity (sectors) := 0
            long offset = header.getLong(28) * 512;   // the embedded descriptor's sector
            int size = (int) header.getLong(36) * 512;
            channel.write(ByteBuffer.allocate(size).put(descriptor.getBytes(StandardCharsets.US_ASCII)).position(0), offset);
        }
        return image;
    }

    private void assertRefused(VireoClient c, String name, String type, Path image, String message) throws Exception {
        c.define(GuestDomains.domain(name, "idle", tmp.resolve(name + ".console"), """
                <disk type='file' device='disk'>
                  <driver name='qemu' type='%s'/>
                  <source file='%s'/>
                  <target dev='vda' bus='virtio'/>
                </disk>
                """.formatted(type, image)));
        VireoException e = assertThrows(VireoException.class, () -> c.start(name));
        assertTrue(e.getMessage().contains(message), "expected '" + message + "' in: " + e.getMessage());
        assertEquals("shut off", c.domState(name).state());
        assertTrue(c.list(false).isEmpty(), "no domain runs");
        assertTrue(daemon.runtimeFiles().stream().noneMatch(f -> f.getFileName().toString().startsWith(name + ".")),
                "no runtime files: " + daemon.runtimeFiles());
        String processes = GuestDomains.run("ps", "-eo", "args=");
        assertFalse(processes.contains("-name " + name + " ") || processes.contains("guest=" + name + ","), processes);
    }
}
