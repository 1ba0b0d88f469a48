package dev.vireo.cli;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@code attach-disk --print-xml} writes virsh's element; the expected texts were printed by
 * libvirt 9.0's {@code virsh -c qemu:///system attach-disk nosuch /tmp/hp/d.raw TARGET ... --print-xml}
 * (no daemon and no domain are needed).
 */
class AttachDiskXmlTest {

    @Test
    void everyOptionLandsWhereVirshPutsIt() {
        assertEquals(new Run(0, """
                <disk type='file' device='disk'>
                  <driver name='qemu' type='qcow2' cache='none' io='native'/>
                  <source file='/tmp/hp/d.raw'/>
                  <target dev='vdb' bus='virtio'/>
                  <readonly/>
                  <serial>abc</serial>
                  <address type='pci' domain='0x0000' bus='0x00' slot='0x07' function='0x0'/>
                </disk>

                """, ""), Run.of("attach-disk", "nosuch", "/tmp/hp/d.raw", "vdb", "--driver", "qemu", "--subdriver", "qcow2",
                "--cache", "none", "--io", "native", "--targetbus", "virtio", "--type", "disk", "--mode", "readonly",
                "--sourcetype", "file", "--serial", "abc", "--address", "pci:0000:00:07.0", "--print-xml"));
        assertEquals(new Run(0, """
                <disk type='file' device='cdrom'>
                  <source file='/tmp/hp/d.raw'/>
                  <target dev='hdc'/>
                  <shareable/>
                </disk>

                """, ""), Run.of("attach-disk", "nosuch", "/tmp/hp/d.raw", "hdc", "--type", "cdrom", "--mode", "shareable",
                "--print-xml"));
        assertEquals(new Run(0, """
                <disk type='file'>
                  <source file='/tmp/hp/d.raw'/>
                  <target dev='sdb'/>
                  <address type='drive' controller='0' bus='0' unit='3'/>
                </disk>

                """, ""), Run.of("attach-disk", "nosuch", "/tmp/hp/d.raw", "sdb", "--address", "scsi:0.0.3", "--print-xml"));
    }

    @Test
    void badModesAndAddressesAreRefusedAsVirshRefusesThem() {
        assertEquals(new Run(1, "", "error: No support for rw in command 'attach-disk'\n"),
                Run.of("attach-disk", "d", "/tmp/hp/d.raw", "vdb", "--mode", "rw", "--print-xml"));
        assertEquals(new Run(1, "", "error: Invalid address.\n"),
                Run.of("attach-disk", "d", "/tmp/hp/d.raw", "vdb", "--address", "pci:0.0.9", "--print-xml"));
        assertEquals(new Run(1, "", "error: expecting a pci:0000.00.00.00 or ccw:00.0.0000 address.\n"),
                Run.of("attach-disk", "d", "/tmp/hp/d.raw", "vdb", "--address", "scsi:0.0.3", "--print-xml"));
        assertEquals(new Run(1, "", "error: expecting an ide:00.00.00 address.\n"),
                Run.of("attach-disk", "d", "/tmp/hp/d.raw", "hdc", "--address", "usb:0.3", "--print-xml"));
        assertEquals(new Run(1, "", "error: Options --current and --live are mutually exclusive\n"),
                Run.of("attach-disk", "d", "/tmp/hp/d.raw", "vdb", "--current", "--live", "--print-xml"));
    }
}
