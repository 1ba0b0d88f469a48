package dev.vireo.conf.defaults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vireo.conf.DomainXml;
import dev.vireo.conf.EmulatorFacts;
import dev.vireo.conf.FormatMode;
import dev.vireo.conf.MachineTypes;
import dev.vireo.conf.model.Address;
import dev.vireo.conf.model.Controller;
import dev.vireo.conf.model.ControllerType;
import dev.vireo.conf.model.Device;
import dev.vireo.conf.model.Domain;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The PCI addresses libvirt 9 gives when it stores a definition. Each expectation is what
 * {@code virsh define} + {@code virsh dumpxml --inactive} of libvirt 9.0 (QEMU 7.2) printed for the
 * same devices on this host.
 */
class PciAddressAssignerTest {
    private static final EmulatorFacts QEMU_7_2 = d -> new MachineTypes(List.of(
            new MachineTypes.Machine("pc-i440fx-7.2", "pc", true),
            new MachineTypes.Machine("pc-q35-7.2", "q35", false)));

    private static Domain define(String machine, String devices) throws Exception {
        return define(machine, devices, QEMU_7_2);
    }

    private static Domain define(String machine, String devices, EmulatorFacts facts) throws Exception {
        String xml = """
                <domain type='kvm'>
                  <name>t</name>
                  <uuid>c7a5fdbd-edaf-9455-926a-d65c16db1809</uuid>
                  <memory>1048576</memory>
                  <os><type arch='x86_64' machine='%s'>hvm</type></os>
                  <devices>
                    <emulator>/usr/bin/qemu-system-x86_64</emulator>
                    %s
                  </devices>
                </domain>
                """.formatted(machine, devices);
        return DomainXml.parse(xml, FormatMode.INACTIVE, facts);
    }

    private static String disk(String dev) {
        return "<disk type='file' device='disk'><source file='/var/tmp/" + dev + ".qcow2'/><target dev='" + dev + "' bus='virtio'/></disk>";
    }

    private static String at(Device d) {
        Address a = d.getAddress();
        if (a == null) return "none";
        return String.format("%02x:%02x.%x%s", a.getBus(), a.getSlot(), a.getFunction(), Boolean.TRUE.equals(a.getMultifunction()) ? " multi" : "");
    }

    private static List<Controller> pci(Domain d) {
        return d.getDevices().getControllers().stream().filter(c -> c.getType() == ControllerType.PCI).toList();
    }

    private static Controller controller(Domain d, ControllerType type) {
        return d.getDevices().getControllers().stream().filter(c -> c.getType() == type).findFirst().orElseThrow();
    }

    @Test
    void q35WithVirtioDisksGetsARootPortEachAndOneSpare() throws Exception {
        StringBuilder disks = new StringBuilder();
        for (char c = 'a'; c <= 'c'; c++) disks.append(disk("vd" + c));
        Domain d = define("q35", disks.toString());
        // usb, three disks, the balloon: five ports, and a spare
        List<Controller> pci = pci(d);
        assertEquals("pcie-root", pci.getFirst().getModel());
        assertEquals(7, pci.size());
        for (int i = 1; i <= 6; i++) {
            Controller port = pci.get(i);
            assertEquals("pcie-root-port", port.getModel());
            assertEquals(i, port.getIndex());
            assertEquals("pcie-root-port", port.getPciModel().getName());
            assertEquals(i, port.getTarget().getChassis());
            assertEquals("0x" + Integer.toHexString(7 + i), port.getTarget().getPort());
            assertEquals(String.format("00:01.%x%s", i - 1, i == 1 ? " multi" : ""), at(port));
        }
        assertEquals("01:00.0", at(controller(d, ControllerType.USB)));
        assertEquals("qemu-xhci", controller(d, ControllerType.USB).getModel());
        assertEquals("00:1f.2", at(controller(d, ControllerType.SATA)));
        assertEquals("02:00.0", at(d.getDevices().getDisks().get(0)));
        assertEquals("03:00.0", at(d.getDevices().getDisks().get(1)));
        assertEquals("04:00.0", at(d.getDevices().getDisks().get(2)));
        assertEquals("05:00.0", at(d.getDevices().getMemballoon()));
    }

    @Test
    void q35RootPortsMoveToSlot2BehindThePrimaryVideoAndIch9SoundIsBuiltIn() throws Exception {
        Domain d = define("q35", "<video><model type='vga'/></video><sound model='ich9'/>" + disk("vda"));
        assertEquals("00:01.0", at(d.getDevices().getVideos().getFirst()));
        assertEquals("00:1b.0", at(d.getDevices().getSounds().getFirst()));
        assertEquals("00:02.0 multi", at(pci(d).get(1)));
        assertEquals("0x10", pci(d).get(1).getTarget().getPort());
    }

    @Test
    void q35ConventionalPciDeviceGetsARootPortAndAPcieToPciBridge() throws Exception {
        Domain d = define("q35", "<interface type='user'><mac address='52:54:00:00:01:01'/><model type='e1000'/></interface>"
                + "<memballoon model='none'/>");
        List<Controller> pci = pci(d);
        assertEquals(List.of("pcie-root", "pcie-root-port", "pcie-to-pci-bridge", "pcie-root-port", "pcie-root-port"),
                pci.stream().map(Controller::getModel).toList());
        assertEquals("pcie-pci-bridge", pci.get(2).getPciModel().getName());
        assertNull(pci.get(2).getTarget());
        assertEquals("01:00.0", at(pci.get(2)));
        assertEquals("02:01.0", at(d.getDevices().getInterfaces().getFirst()));
        assertEquals("03:00.0", at(controller(d, ControllerType.USB)));
    }

    @Test
    void q35WithWrittenRootPortsStillAddsOneForANewBridge() throws Exception {
        String ports = "<controller type='pci' model='pcie-root-port'/>".repeat(14);
        Domain d = define("q35", ports + "<watchdog model='i6300esb'/>" + disk("vda"));
        List<Controller> pci = pci(d);
        assertEquals(17, pci.size());
        Controller port15 = pci.get(15);
        assertEquals(15, port15.getIndex());
        assertEquals("pcie-root-port", port15.getModel());
        assertEquals("00:02.6", at(port15));
        Controller bridge = pci.get(16);
        assertEquals(16, bridge.getIndex());
        assertEquals("01:00.0", at(bridge));
        assertEquals("10:01.0", at(d.getDevices().getWatchdog()));
    }

    @Test
    void aGapInPciIndexesIsFilledWithRootPortsWithoutASpare() throws Exception {
        Domain d = define("q35", "<controller type='pci' index='3' model='pcie-to-pci-bridge'/>");
        List<Controller> pci = pci(d);
        // 1 and 2 fill the gap below the bridge; 4 is the balloon's, and no spare follows
        assertEquals(List.of(3, 0, 1, 2, 4), pci.stream().map(Controller::getIndex).toList());
        assertEquals("01:00.0", at(pci.getFirst()));
        assertEquals("02:00.0", at(controller(d, ControllerType.USB)));
        assertEquals("04:00.0", at(d.getDevices().getMemballoon()));
        assertEquals("00:01.0 multi", at(pci.get(2)));
        assertEquals("00:01.1", at(pci.get(3)));
        assertEquals("00:01.2", at(pci.get(4)));
    }

    @Test
    void i440fxSlotOrderIsNetsSoundsControllersDisksBalloon() throws Exception {
        Domain d = define("pc", disk("vda") + "<controller type='usb' model='qemu-xhci'/>"
                + "<interface type='user'><mac address='52:54:00:00:01:01'/><model type='virtio'/></interface>"
                + "<sound model='ich6'/><video><model type='virtio'/></video>"
                + "<channel type='unix'><target type='virtio' name='org.qemu.guest_agent.0'/></channel>");
        assertEquals("00:02.0", at(d.getDevices().getVideos().getFirst()));
        assertEquals("00:03.0", at(d.getDevices().getInterfaces().getFirst()));
        assertEquals("00:04.0", at(d.getDevices().getSounds().getFirst()));
        assertEquals("00:05.0", at(controller(d, ControllerType.USB)));
        assertEquals("00:06.0", at(controller(d, ControllerType.VIRTIO_SERIAL)));
        assertEquals("00:07.0", at(d.getDevices().getDisks().getFirst()));
        assertEquals("00:08.0", at(d.getDevices().getMemballoon()));
        assertEquals("pci-root", pci(d).getFirst().getModel());
        assertEquals(1, pci(d).size());
    }

    @Test
    void i440fxBoardPlacesIdeAndUhciInThePiix3Slot() throws Exception {
        Domain d = define("pc", "<disk type='file' device='cdrom'><target dev='hda' bus='ide'/></disk>" + disk("vda"));
        assertEquals("piix3-uhci", controller(d, ControllerType.USB).getModel());
        assertEquals("00:01.2", at(controller(d, ControllerType.USB)));
        assertEquals("00:01.1", at(controller(d, ControllerType.IDE)));
        // no video: slot 2 is not kept for one
        assertEquals("00:02.0", at(d.getDevices().getDisks().get(1)));
    }

    @Test
    void aFullI440fxBusGetsAPciBridge() throws Exception {
        StringBuilder disks = new StringBuilder();
        for (int i = 0; i < 40; i++) disks.append(disk("vd" + name(i)));
        Domain d = define("pc", disks.toString());
        List<Controller> pci = pci(d);
        assertEquals(2, pci.size());
        Controller bridge = pci.get(1);
        assertEquals("pci-bridge", bridge.getModel());
        assertEquals("pci-bridge", bridge.getPciModel().getName());
        assertEquals(1, bridge.getTarget().getChassisNr());
        assertEquals("00:02.0", at(bridge));
        // slots 3..31 of bus 0 (29 disks), then slot 1 on of the bridge
        assertEquals("00:1f.0", at(d.getDevices().getDisks().get(28)));
        assertEquals("01:01.0", at(d.getDevices().getDisks().get(29)));
        assertEquals("01:0b.0", at(d.getDevices().getDisks().get(39)));
        assertEquals("01:0c.0", at(d.getDevices().getMemballoon()));
    }

    private static String name(int i) {
        return i < 26 ? String.valueOf((char) ('a' + i)) : "a" + (char) ('a' + i - 26);
    }

    @Test
    void writtenAddressesAreKeptAndNotGivenTwice() throws Exception {
        Domain d = define("pc", disk("vda").replace("</disk>", "<address type='pci' domain='0' bus='0' slot='3' function='0'/></disk>")
                + disk("vdb"));
        assertEquals("00:03.0", at(d.getDevices().getDisks().get(0)));
        assertEquals("00:02.0", at(d.getDevices().getDisks().get(1)));
        assertEquals("00:04.0", at(d.getDevices().getMemballoon()));
    }

    @Test
    void withoutAProbedEmulatorNothingIsAssigned() throws Exception {
        Domain d = define("pc", disk("vda"), EmulatorFacts.NONE);
        assertNull(d.getDevices().getDisks().getFirst().getAddress());
        assertTrue(pci(d).isEmpty());
    }

    @Test
    void ownOutputDefinesToTheSameText() throws Exception {
        Domain d = define("q35", "<interface type='user'><mac address='52:54:00:00:01:01'/><model type='rtl8139'/></interface>" + disk("vda"));
        String once = DomainXml.format(d);
        String twice = DomainXml.format(DomainXml.parse(once, FormatMode.INACTIVE, QEMU_7_2));
        assertEquals(once, twice);
    }
}
