package dev.vireo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vireo.process.TestGuest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Today's guests, defined and started with vireo's command line on the real QEMU 7.2 with TCG, each
 * booting the project's test kernel to its marker on the serial console and powering off cleanly:
 * a Q35 guest with UEFI (OVMF, Secure Boot off), PCIe root ports, virtio-blk, virtio-net (user),
 * the qemu-ga channel, virtio-rng, an emulated TPM 2.0 CRB (swtpm), qemu-xhci with a tablet and a
 * virtio-vga card; and an i440fx guest with a SATA disk and an e1000. Both definitions carry every
 * address, as libvirt 9 stores them, so that they do not depend on Vireo's address assignment.
 */
@Timeout(value = 8, unit = TimeUnit.MINUTES)
class ModernGuestsCliE2ETest extends GuestCliE2E {
    @Test
    void aQ35UefiGuestWithPcieVirtioDevicesAndTpmBootsAndPowersOff() throws Exception {
        TestGuest guest = TestGuest.get();
        Path image = image("q35", "qcow2");
        Path console = tmp.resolve("q35.console");
        String xml = guest(guest, "q35", "4d1e3f0a-35a5-4c1e-9c2d-2b7f3d6e0a35", """
                  <os firmware='efi'>
                    <type arch='x86_64' machine='pc-q35-7.2'>hvm</type>
                    <firmware><feature enabled='no' name='secure-boot'/></firmware>
                """, TestGuest.cmdline("write", "vireo.mib=1"), """
                    <disk type='file' device='disk'>
                      <driver name='qemu' type='qcow2'/>
                      <source file='%s'/>
                      <target dev='vda' bus='virtio'/>
                      <address type='pci' domain='0x0000' bus='0x04' slot='0x00' function='0x0'/>
                    </disk>
                    <controller type='usb' index='0' model='qemu-xhci' ports='15'>
                      <address type='pci' domain='0x0000' bus='0x02' slot='0x00' function='0x0'/>
                    </controller>
                    <controller type='pci' index='0' model='pcie-root'/>
                %s
                    <controller type='sata' index='0'>
                      <address type='pci' domain='0x0000' bus='0x00' slot='0x1f' function='0x2'/>
                    </controller>
                    <controller type='virtio-serial' index='0'>
                      <address type='pci' domain='0x0000' bus='0x03' slot='0x00' function='0x0'/>
                    </controller>
                    <interface type='user'>
                      <mac address='52:54:00:00:35:01'/>
                      <model type='virtio'/>
                      <address type='pci' domain='0x0000' bus='0x01' slot='0x00' function='0x0'/>
                    </interface>
                    <serial type='file'>
                      <source path='%s'/>
                      <target type='isa-serial' port='0'><model name='isa-serial'/></target>
                    </serial>
                    <channel type='unix'>
                      <target type='virtio' name='org.qemu.guest_agent.0'/>
                      <address type='virtio-serial' controller='0' bus='0' port='1'/>
                    </channel>
                    <input type='tablet' bus='usb'><address type='usb' bus='0' port='1'/></input>
                    <input type='mouse' bus='ps2'/>
                    <input type='keyboard' bus='ps2'/>
                    <tpm model='tpm-crb'><backend type='emulator' version='2.0'/></tpm>
                    <video>
                      <model type='virtio' heads='1' primary='yes'/>
                      <address type='pci' domain='0x0000' bus='0x00' slot='0x01' function='0x0'/>
                    </video>
                    <memballoon model='virtio'>
                      <address type='pci' domain='0x0000' bus='0x05' slot='0x00' function='0x0'/>
                    </memballoon>
                    <rng model='virtio'>
                      <backend model='random'>/dev/urandom</backend>
                      <address type='pci' domain='0x0000' bus='0x06' slot='0x00' function='0x0'/>
                    </rng>
                """.formatted(image, rootPorts(7), console));
        Path file = tmp.resolve("q35.xml");
        Files.writeString(file, xml);
        assertEquals(new Run(0, "Domain q35 defined from " + file + "\n\n", ""), vireo("define", file.toString()));
        assertEquals(new Run(0, "Domain q35 started\n\n", ""), vireo("start", "q35"));

        awaitLine(console, TestGuest.READY);
        awaitLine(console, TestGuest.WROTE);   // the guest wrote its virtio disk behind root port 4
        Run peripherals = vireo("qemu-monitor-command", "q35", "{\"execute\":\"qom-list\",\"arguments\":{\"path\":\"/machine/peripheral\"}}");
        for (String id : List.of("pci.1", "pci.7", "virtio-disk0", "net0", "usb", "input0", "virtio-serial0", "channel0",
                "video0", "balloon0", "rng0", "tpm0")) {
            assertTrue(peripherals.out().contains("\"name\":\"" + id + "\""), id + " in " + peripherals);
        }
        // a unix channel without a path gets a socket the daemon names, in the guest's channel folder
        assertTrue(Files.exists(tmp.resolve("run/qemu/channel/domain-1-q35/org.qemu.guest_agent.0")),
                "the guest agent's socket listens in the guest's channel folder");
        Path tpmState = tmp.resolve("state/swtpm/4d1e3f0a-35a5-4c1e-9c2d-2b7f3d6e0a35");
        assertTrue(Files.exists(tpmState.resolve("tpm2-00.permall")), "swtpm keeps the TPM's state");

        assertEquals(0, vireo("shutdown", "--timeout", "120", "q35").exit());
        assertEquals(new Run(0, "shut off (shutdown)\n\n", ""), vireo("domstate", "--reason", "q35"));
        assertEquals(0, vireo("undefine", "--nvram", "q35").exit());
        assertFalse(Files.exists(tpmState), "undefine removes the TPM's state");
    }

    @Test
    void anI440fxGuestWithSataAndE1000BootsAndPowersOff() throws Exception {
        TestGuest guest = TestGuest.get();
        Path image = image("pc", "qcow2");
        Path console = tmp.resolve("pc.console");
        String xml = guest(guest, "pc", "4d1e3f0a-35a5-4c1e-9c2d-2b7f3d6e0a40", """
                  <os>
                    <type arch='x86_64' machine='pc-i440fx-7.2'>hvm</type>
                """, TestGuest.cmdline("idle"), """
                    <disk type='file' device='disk'>
                      <driver name='qemu' type='qcow2'/>
                      <source file='%s'/>
                      <target dev='sda' bus='sata'/>
                      <address type='drive' controller='0' bus='0' target='0' unit='0'/>
                    </disk>
                    <controller type='usb' index='0' model='piix3-uhci'>
                      <address type='pci' domain='0x0000' bus='0x00' slot='0x01' function='0x2'/>
                    </controller>
                    <controller type='pci' index='0' model='pci-root'/>
                    <controller type='ide' index='0'>
                      <address type='pci' domain='0x0000' bus='0x00' slot='0x01' function='0x1'/>
                    </controller>
                    <controller type='sata' index='0'>
                      <address type='pci' domain='0x0000' bus='0x00' slot='0x04' function='0x0'/>
                    </controller>
                    <interface type='user'>
                      <mac address='52:54:00:00:40:01'/>
                      <model type='e1000'/>
                      <address type='pci' domain='0x0000' bus='0x00' slot='0x03' function='0x0'/>
                    </interface>
                    <serial type='file'>
                      <source path='%s'/>
                      <target type='isa-serial' port='0'><model name='isa-serial'/></target>
                    </serial>
                    <input type='mouse' bus='ps2'/>
                    <input type='keyboard' bus='ps2'/>
                    <video>
                      <model type='vga' vram='16384' heads='1' primary='yes'/>
                      <address type='pci' domain='0x0000' bus='0x00' slot='0x02' function='0x0'/>
                    </video>
                    <memballoon model='virtio'>
                      <address type='pci' domain='0x0000' bus='0x00' slot='0x05' function='0x0'/>
                    </memballoon>
                """.formatted(image, console));
        Path file = tmp.resolve("pc.xml");
        Files.writeString(file, xml);
        assertEquals(0, vireo("define", file.toString()).exit());
        assertEquals(new Run(0, "Domain pc started\n\n", ""), vireo("start", "pc"));
        awaitLine(console, TestGuest.READY);
        Run blocks = vireo("qemu-monitor-command", "pc", "{\"execute\":\"query-block\"}");
        assertTrue(blocks.out().contains("\"qdev\":\"sata0-0-0\""), "the disk is on the AHCI: " + blocks);
        Run peripherals = vireo("qemu-monitor-command", "pc", "{\"execute\":\"qom-list\",\"arguments\":{\"path\":\"/machine/peripheral\"}}");
        assertTrue(peripherals.out().contains("\"name\":\"sata0\"") && peripherals.out().contains("\"name\":\"net0\""), peripherals.out());
        assertEquals(0, vireo("shutdown", "--timeout", "120", "pc").exit());
        assertEquals(new Run(0, "shut off (shutdown)\n\n", ""), vireo("domstate", "--reason", "pc"));
        assertEquals(0, vireo("undefine", "pc").exit());
    }

    /**
     * A TCG guest booting the test kernel with {@code cmdline}, as libvirt 9 stores one: {@code os}
     * opens the {@code <os>} element (its attributes, type and firmware), {@code devices} follow the
     * emulator.
     */
    private static String guest(TestGuest guest, String name, String uuid, String os, String cmdline, String devices) {
        return """
                <domain type='qemu'>
                  <name>%s</name>
                  <uuid>%s</uuid>
                  <memory unit='KiB'>262144</memory>
                  <currentMemory unit='KiB'>262144</currentMemory>
                  <vcpu placement='static'>1</vcpu>
                %s    <kernel>%s</kernel>
                    <initrd>%s</initrd>
                    <cmdline>%s</cmdline>
                  </os>
                  <features><acpi/><apic/></features>
                  <clock offset='utc'/>
                  <on_poweroff>destroy</on_poweroff>
                  <on_reboot>restart</on_reboot>
                  <on_crash>destroy</on_crash>
                  <devices>
                    <emulator>/usr/bin/qemu-system-x86_64</emulator>
                %s  </devices>
                </domain>
                """.formatted(name, uuid, os, guest.kernel(), guest.initrd(), cmdline, devices);
    }

    /** PCIe root ports 1..count in slot 2 (libvirt's layout when the video card has slot 1). */
    private static String rootPorts(int count) {
        StringBuilder b = new StringBuilder();
        for (int i = 1; i <= count; i++) {
            b.append("""
                        <controller type='pci' index='%d' model='pcie-root-port'>
                          <model name='pcie-root-port'/>
                          <target chassis='%d' port='0x%x'/>
                          <address type='pci' domain='0x0000' bus='0x00' slot='0x02' function='0x%x'%s/>
                        </controller>
                    """.formatted(i, i, 0x10 + i - 1, i - 1, i == 1 ? " multifunction='on'" : ""));
        }
        return b.toString();
    }

    private Path image(String name, String format) throws Exception {
        Path image = tmp.resolve(name + "." + format);
        CliDaemon.host("qemu-img", "create", "-q", "-f", format, image.toString(), "64M");
        return image;
    }
}
