package dev.vireo.command;

import dev.vireo.conf.MachineTypes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vireo.caps.Capability;
import dev.vireo.caps.EmulatorDetails;
import dev.vireo.caps.QemuCaps;
import dev.vireo.conf.DomainXml;
import dev.vireo.conf.model.Domain;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CommandBuilderTest {

    private static final LaunchOptions OPTIONS = LaunchOptions.forMonitor(Path.of("/run/vireo/t.monitor"))
            .withHostEnvironment(Map.of("PATH", "/usr/bin", "TMPDIR", "/var/tmp", "LD_PRELOAD", "/x.so"));

    private static final QemuCaps MODERN = QemuCaps.of("/usr/bin/qemu-system-x86_64", Capability.DRIVE,
            Capability.DEVICE, Capability.DRIVE_FORMAT, Capability.PCI_MULTIBUS, Capability.PCI_MULTIFUNCTION,
            Capability.IDE_CD, Capability.PIIX3_USB_UHCI, Capability.ICH9_USB_EHCI1, Capability.DRIVE_CACHE_V2);

    private static Domain domain(String devices) throws Exception {
        return domainOn("pc", devices);
    }

    private static Domain domainOn(String machine, String devices) throws Exception {
        return DomainXml.parse("""
                <domain type='qemu'>
                  <name>t</name>
                  <memory unit='MiB'>128</memory>
                  <vcpu>1</vcpu>
                  <os><type arch='x86_64' machine='%s'>hvm</type></os>
                  <devices>
                    <emulator>/usr/bin/qemu-system-x86_64</emulator>
                %s  </devices>
                </domain>
                """.formatted(machine, devices));
    }

    private static String disk(String dev, String bus, String extra) {
        return "    <disk type='file' device='disk'><source file='/i/" + dev + ".img'/><target dev='" + dev
                + "' bus='" + bus + "'/>" + extra + "</disk>\n";
    }

    private static List<String> values(CommandLine line, String option) {
        List<String> values = new ArrayList<>();
        for (int i = 0; i + 1 < line.args().size(); i++) {
            if (line.args().get(i).equals(option)) values.add(line.args().get(i + 1));
        }
        return values;
    }

    @Test
    void disksAreSortedByTargetWithinTheirBus() throws Exception {
        // Buses keep the order in which they first appear; within a bus, target names are sorted.
        Domain d = domain(disk("vdb", "virtio", "") + disk("hdc", "ide", "") + disk("vda", "virtio", "")
                + disk("hda", "ide", ""));
        assertEquals(List.of("file=/i/vda.img,if=none,id=drive-virtio-disk0", "file=/i/vdb.img,if=none,id=drive-virtio-disk1",
                "file=/i/hda.img,if=none,id=drive-ide0-0-0", "file=/i/hdc.img,if=none,id=drive-ide0-1-0"),
                values(CommandBuilder.build(d, MODERN, OPTIONS), "-drive"));
    }

    @Test
    void explicitPciSlotsAreKeptAndSkippedByAutomaticOnes() throws Exception {
        Domain d = domain(disk("vda", "virtio", "<address type='pci' domain='0' bus='0' slot='3' function='0'/>")
                + disk("vdb", "virtio", ""));
        List<String> devices = values(CommandBuilder.build(d, MODERN, OPTIONS), "-device");
        assertTrue(devices.contains("virtio-blk-pci,bus=pci.0,addr=0x3,drive=drive-virtio-disk0,id=virtio-disk0"), devices.toString());
        assertTrue(devices.contains("virtio-blk-pci,bus=pci.0,addr=0x4,drive=drive-virtio-disk1,id=virtio-disk1"), devices.toString());
    }

    @Test
    void ich9CompanionsShareTheirMastersSlot() throws Exception {
        Domain d = domain("""
                    <controller type='usb' index='0' model='ich9-ehci1'/>
                    <controller type='usb' index='0' model='ich9-uhci1'><master startport='0'/></controller>
                    <controller type='usb' index='0' model='ich9-uhci2'><master startport='2'/></controller>
                """);
        List<String> devices = values(CommandBuilder.build(d, MODERN, OPTIONS), "-device");
        assertEquals("ich9-usb-ehci1,id=usb,bus=pci.0,addr=0x3.0x7", devices.get(0));
        assertEquals("ich9-usb-uhci1,masterbus=usb.0,firstport=0,bus=pci.0,multifunction=on,addr=0x3", devices.get(1));
        assertEquals("ich9-usb-uhci2,masterbus=usb.0,firstport=2,bus=pci.0,addr=0x3.0x1", devices.get(2));
    }

    @Test
    void buildingLeavesTheDomainUntouchedAndIsRepeatable() throws Exception {
        Domain d = domain(disk("vda", "virtio", ""));
        String first = CommandBuilder.build(d, MODERN, OPTIONS).toShellLine();
        assertNull(d.getDevices().getDisks().getFirst().getAddress(), "no PCI address written into the model");
        assertEquals(first, CommandBuilder.build(d, MODERN, OPTIONS).toShellLine());
    }

    @Test
    void onlyTheUsualVariablesOfTheDaemonsEnvironmentArePassedOn() throws Exception {
        CommandLine line = CommandBuilder.build(domain(""), MODERN, OPTIONS);
        assertEquals(List.of("LC_ALL=C", "PATH=/usr/bin"), line.env());
    }

    @Test
    void vncAutoportLetsQemuPickAFreeDisplayOnlyWhenStartingForReal() throws Exception {
        Domain d = domain("    <graphics type='vnc' autoport='yes' listen='127.0.0.1'/>\n");
        QemuCaps caps = MODERN.with(Capability.VNC_COLON);
        // libvirt's spelling for a definition: port 0, display -5900.
        assertEquals(List.of("127.0.0.1:-5900"), values(CommandBuilder.build(d, caps, OPTIONS), "-vnc"));
        assertEquals(List.of("127.0.0.1:0,to=99"), values(CommandBuilder.build(d, caps, OPTIONS.withDomainId(3)), "-vnc"));
    }

    @Test
    void aMissingCapabilityIsRefusedWithItsName() throws Exception {
        Domain d = domain(disk("vda", "virtio", "").replace("<source", "<driver name='qemu' type='raw' cache='unsafe'/><source"));
        UnsupportedConfigurationException e = assertThrows(UnsupportedConfigurationException.class,
                () -> CommandBuilder.build(d, MODERN, OPTIONS));
        assertEquals("disk 'vda': disk cache mode 'unsafe' is not supported by this QEMU binary (capability 'cache-unsafe')",
                e.getMessage());
        assertTrue(CommandBuilder.build(d, MODERN.with(Capability.CACHE_UNSAFE), OPTIONS).toShellLine()
                .contains("cache=unsafe"));
    }

    @Test
    void aMachineTypeTheBinaryLacksIsRefusedNamingTheClosestOnes() throws Exception {
        EmulatorDetails details = new EmulatorDetails(Set.of("tcg"), List.of(
                new MachineTypes.Machine("pc-i440fx-7.2", "pc", true, 255, false),
                new MachineTypes.Machine("pc-q35-7.1", null, false, 288, false),
                new MachineTypes.Machine("pc-q35-7.2", "q35", false, 288, false)), Set.of(), Map.of(), List.of(), List.of());
        QemuCaps probed = new QemuCaps(MODERN.emulator(), 7_002_000, 0, false, MODERN.flags(), details);
        assertEquals(List.of("pc"), values(CommandBuilder.build(domain(""), probed, OPTIONS), "-M"), "an alias it has runs");
        Domain future = domainOn("pc-q35-9.9", "");
        UnsupportedConfigurationException e = assertThrows(UnsupportedConfigurationException.class,
                () -> CommandBuilder.build(future, probed, OPTIONS));
        assertEquals("machine type 'pc-q35-9.9' is not supported by /usr/bin/qemu-system-x86_64; "
                + "closest: pc-q35-7.2, pc-q35-7.1, pc-i440fx-7.2", e.getMessage());
        // flags alone (a --caps document of the help era) do not know the machine types: nothing to refuse
        assertEquals(List.of("pc-q35-9.9"), values(CommandBuilder.build(future, MODERN, OPTIONS), "-M"));
    }
}
