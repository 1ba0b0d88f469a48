package dev.vireo.cli;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * attach-disk, attach-device, detach-disk, detach-device and change-media from the command line
 * against a real in-process vireod, on a shut-off domain's stored definition: virsh's lines, and
 * the exact {@code --json} results (docs/hotplug.md, "JSON"). The running-guest side is in the
 * daemon's HotplugE2ETest and MediaChangeE2ETest.
 */
class CliHotplugTest {
    @TempDir
    Path tmp;
    CliDaemon daemon;

    @BeforeEach
    void start() throws Exception {
        daemon = CliDaemon.start(tmp);
        Path file = tmp.resolve("hp.xml");
        Files.writeString(file, """
                <domain type='qemu'>
                  <name>hp</name>
                  <memory unit='MiB'>64</memory>
                  <os><type arch='x86_64' machine='pc'>hvm</type></os>
                  <devices>
                    <emulator>/usr/bin/qemu-system-x86_64</emulator>
                    <disk type='file' device='cdrom'>
                      <driver name='qemu' type='raw'/>
                      <target dev='hdc' bus='ide'/>
                      <readonly/>
                    </disk>
                  </devices>
                </domain>
                """);
        assertEquals(0, vireo("define", file.toString()).exit());
    }

    @AfterEach
    void stop() {
        daemon.close();
    }

    private Run vireo(String... args) {
        return daemon.vireo(args);
    }

    @Test
    void attachAndDetachPrintVirshsLinesOrTheExactJson() throws Exception {
        Path image = tmp.resolve("b.qcow2");
        Files.createFile(image);
        assertEquals(new Run(0, """
                {
                  "disk" : "vdb",
                  "live" : false,
                  "config" : true
                }
                """, ""), vireo("attach-disk", "hp", image.toString(), "vdb", "--subdriver", "qcow2", "--current", "--json"));
        assertTrue(vireo("dumpxml", "--inactive", "hp").out().contains("<target dev='vdb' bus='virtio'/>"));
        assertEquals(new Run(0, """
                {
                  "disk" : "vdb",
                  "live" : false,
                  "config" : true,
                  "pending" : false
                }
                """, ""), vireo("detach-disk", "hp", "vdb", "--config", "--json"));
        assertFalse(vireo("dumpxml", "--inactive", "hp").out().contains("vdb"));

        Path element = tmp.resolve("vdc.xml");
        Files.writeString(element, """
                <disk type='file' device='disk'>
                  <driver name='qemu' type='qcow2'/>
                  <source file='%s'/>
                  <target dev='vdc' bus='virtio'/>
                </disk>
                """.formatted(image));
        assertEquals(new Run(0, "Device attached successfully\n\n", ""),
                vireo("attach-device", "hp", element.toString(), "--config"));
        assertEquals(new Run(0, """
                {
                  "disk" : "vdc",
                  "live" : false,
                  "config" : true,
                  "pending" : false
                }
                """, ""), vireo("detach-device", "hp", element.toString(), "--current", "--json"));
        assertEquals(new Run(0, """
                {
                  "disk" : "vdc",
                  "live" : false,
                  "config" : true
                }
                """, ""), vireo("attach-device", "hp", element.toString(), "--persistent", "--json"));
        assertEquals(new Run(0, "Disk detached successfully\n\n", ""), vireo("detach-disk", "hp", "vdc", "--config"));
        assertEquals(new Run(0, "Disk attached successfully\n\n", ""),
                vireo("attach-disk", "hp", image.toString(), "vdd", "--config"));
    }

    @Test
    void changeMediaPrintsVirshsLinesOrTheExactJson() throws Exception {
        Path iso = tmp.resolve("a.iso");
        Files.write(iso, new byte[2048]);
        assertEquals(new Run(0, """
                {
                  "disk" : "hdc",
                  "action" : "insert",
                  "source" : "%s",
                  "live" : false,
                  "config" : true
                }
                """.formatted(iso), ""), vireo("change-media", "hp", "hdc", iso.toString(), "--insert", "--current", "--json"));
        assertTrue(vireo("dumpxml", "--inactive", "hp").out().contains("<source file='" + iso + "'/>"));
        assertEquals(new Run(0, """
                {
                  "disk" : "hdc",
                  "action" : "eject",
                  "source" : null,
                  "live" : false,
                  "config" : true
                }
                """, ""), vireo("change-media", "hp", "hdc", "--eject", "--config", "--json"));
        assertEquals(new Run(0, "Successfully inserted media.\n\n", ""),
                vireo("change-media", "hp", "hdc", iso.toString(), "--insert", "--config"));
        assertEquals(new Run(0, "Successfully updated media.\n\n", ""),
                vireo("change-media", "hp", "hdc", iso.toString(), "--config"));
        assertEquals(new Run(0, "Successfully ejected media.\n\n", ""), vireo("change-media", "hp", "hdc", "--eject", "--persistent"));
    }

    /** As libvirt: a q35 disk stored with --config gets a root port of its own when the spare one is taken. */
    @Test
    void aConfigDiskOnQ35GetsARootPortToStartWith() throws Exception {
        Path file = tmp.resolve("q.xml");
        Files.writeString(file, """
                <domain type='qemu'>
                  <name>q</name>
                  <memory unit='MiB'>64</memory>
                  <os><type arch='x86_64' machine='q35'>hvm</type></os>
                  <devices><emulator>/usr/bin/qemu-system-x86_64</emulator></devices>
                </domain>
                """);
        assertEquals(0, vireo("define", file.toString()).exit());
        String before = vireo("dumpxml", "--inactive", "q").out();
        int ports = before.split("model='pcie-root-port'>", -1).length - 1;
        for (String dev : new String[] {"vdb", "vdc"}) {
            assertEquals(new Run(0, "Disk attached successfully\n\n", ""),
                    vireo("attach-disk", "q", tmp.resolve(dev + ".raw").toString(), dev, "--config"));
        }
        String after = vireo("dumpxml", "--inactive", "q").out();
        assertEquals(ports + 1, after.split("model='pcie-root-port'>", -1).length - 1, after);
        assertTrue(after.contains("<controller type='pci' index='" + (ports + 1) + "' model='pcie-root-port'>"), after);
        assertTrue(after.contains("<address type='pci' domain='0x0000' bus='0x0" + (ports + 1) + "' slot='0x00' function='0x0'/>"), after);
    }

    @Test
    void withoutAFlagTheGuestMustRunAsInVirsh() {
        assertEquals(new Run(1, "", "error: domain 'hp' is not running\n"),
                vireo("attach-disk", "hp", "/tmp/x.raw", "vdb", "--json"));
    }

    /** The disk administration commands' JSON (docs/disk-admin.md), on a shut-off domain's stored definition. */
    @Test
    void diskAdminJsonOfAShutOffDomain() throws Exception {
        Path image = tmp.resolve("v.qcow2");
        CliDaemon.host("qemu-img", "create", "-q", "-f", "qcow2", image.toString(), "1M");
        assertEquals(0, vireo("attach-disk", "hp", image.toString(), "vdb", "--subdriver", "qcow2", "--config").exit());
        Run set = vireo("blkdeviotune", "hp", "vdb", "--write-bytes-sec", "1M", "--config", "--json");
        Run query = vireo("blkdeviotune", "hp", "vdb", "--config", "--json");
        assertEquals(0, set.exit(), set.err());
        assertEquals(set, query);
        assertTrue(query.out().startsWith("""
                {
                  "total_bytes_sec" : 0,
                  "read_bytes_sec" : 0,
                  "write_bytes_sec" : 1048576,
                  "total_iops_sec" : 0,
                """), query.out());
        assertTrue(query.out().endsWith("""
                  "size_iops_sec" : 0,
                  "group_name" : "",
                  "total_bytes_sec_max_length" : 0,
                  "read_bytes_sec_max_length" : 0,
                  "write_bytes_sec_max_length" : 0,
                  "total_iops_sec_max_length" : 0,
                  "read_iops_sec_max_length" : 0,
                  "write_iops_sec_max_length" : 0
                }
                """), query.out());
        assertEquals(new Run(0, """
                [ {
                  "domain" : "hp",
                  "stats" : {
                    "state.state" : 5,
                    "state.reason" : 0
                  }
                } ]
                """, ""), vireo("domstats", "--state", "--json", "hp"));
    }

    @Test
    void jsonWithPrintXmlIsRefused() {
        assertEquals(new Run(1, "", "error: Options --print-xml and --json are mutually exclusive\n"),
                vireo("attach-disk", "hp", "/tmp/x.raw", "vdb", "--print-xml", "--json"));
    }
}
