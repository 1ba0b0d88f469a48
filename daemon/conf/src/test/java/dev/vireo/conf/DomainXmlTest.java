package dev.vireo.conf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vireo.conf.model.AddressType;
import dev.vireo.conf.model.ControllerType;
import dev.vireo.conf.model.DeviceAlias;
import dev.vireo.conf.model.DiskBus;
import dev.vireo.conf.model.DiskCache;
import dev.vireo.conf.model.Domain;
import dev.vireo.conf.model.MemballoonModel;
import java.util.List;
import org.junit.jupiter.api.Test;

class DomainXmlTest {

    @Test
    void defaultsFollowLibvirt() throws Exception {
        Domain d = DomainXml.parse(Domains.withDevices("""
                <disk type='file' device='disk'>
                  <driver name='qemu' type='qcow2' cache='writeback' io='native' copy_on_read='on'/>
                  <source file='/var/lib/a.qcow2'/>
                  <target dev='hdd'/>
                </disk>
                <disk type='file' device='disk'>
                  <source file='/var/lib/b.img'/>
                  <target dev='sdb'/>
                </disk>
                """));
        var ide = d.getDevices().getDisks().get(0);
        assertEquals(DiskBus.IDE, ide.getTarget().getBus());
        assertEquals(DiskCache.WRITEBACK, ide.getDriver().getCache());
        assertEquals(Boolean.TRUE, ide.getDriver().getCopyOnRead());
        assertEquals(AddressType.DRIVE, ide.getAddress().getType());
        assertEquals(List.of(0, 1, 0, 1), List.of(ide.getAddress().getController(), ide.getAddress().getBus(),
                ide.getAddress().getTarget(), ide.getAddress().getUnit()), "hdd is IDE controller 0, bus 1, unit 1");
        var scsi = d.getDevices().getDisks().get(1);
        assertEquals(DiskBus.SCSI, scsi.getTarget().getBus());
        assertEquals(1, scsi.getAddress().getUnit());
        assertEquals(List.of(ControllerType.USB, ControllerType.SCSI, ControllerType.IDE),
                d.getDevices().getControllers().stream().map(c -> c.getType()).toList());
        assertEquals(MemballoonModel.VIRTIO, d.getDevices().getMemballoon().getModel());
        assertEquals(262144L, d.getMemory().getValue(), "256 MiB in KiB");
        assertEquals("KiB", d.getMemory().getUnit());
        assertEquals(262144L, d.getCurrentMemory().getValue());
    }

    @Test
    void wideScsiBusSkipsTheControllerUnit() throws Exception {
        Domain d = DomainXml.parse(Domains.withDevices("""
                <disk type='file'><source file='/a'/><target dev='sdh' bus='scsi'/></disk>
                <disk type='file'><source file='/b'/><target dev='sdp' bus='scsi'/></disk>
                """));
        assertEquals(8, d.getDevices().getDisks().get(0).getAddress().getUnit(), "sdh is index 7, unit 7 is the controller");
        assertEquals(1, d.getDevices().getDisks().get(1).getAddress().getController(), "15 disks per controller");
        assertEquals(2, d.getDevices().getControllers().stream().filter(c -> c.getType() == ControllerType.SCSI).count());
    }

    @Test
    void formatPrintsLibvirtsOrderAndStyle() throws Exception {
        String out = DomainXml.format(DomainXml.parse(Domains.withDevices("""
                <memballoon model='none'/>
                <graphics type='vnc'/>
                <serial type='pty'/>
                <disk type='file' device='cdrom'><target dev='hdc'/><readonly/></disk>
                """)));
        int disk = out.indexOf("<disk"), controller = out.indexOf("<controller"), serial = out.indexOf("<serial"),
                console = out.indexOf("<console"), input = out.indexOf("<input"), graphics = out.indexOf("<graphics"),
                video = out.indexOf("<video"), balloon = out.indexOf("<memballoon");
        assertTrue(disk < controller && controller < serial && serial < console && console < input && input < graphics
                && graphics < video && video < balloon, out);
        assertTrue(out.contains("<graphics type='vnc' port='-1' autoport='yes'/>"), out);
        assertTrue(out.contains("<input type='mouse' bus='ps2'/>"), out);
        assertTrue(out.contains("<model type='cirrus' vram='9216' heads='1'/>"), out);
        assertTrue(out.contains("<target type='serial' port='0'/>"), "console mirrors serial 0: " + out);
        assertFalse(out.contains("xmlns:qemu"), "no unused namespace declaration: " + out);
    }

    @Test
    void inactiveDropsRuntimeStateAndLiveKeepsIt() throws Exception {
        String xml = Domains.withDevices("""
                <disk type='file'><source file='/a'/><mirror file='/copy' format='raw'/><target dev='vda'/><alias name='virtio-disk0'/></disk>
                """).replace("<domain type='qemu'>", "<domain type='qemu' id='7'>");
        Domain inactive = DomainXml.parse(xml);
        assertNull(inactive.getId());
        assertNull(inactive.getDevices().getDisks().getFirst().getMirror());
        Domain live = DomainXml.parse(xml, FormatMode.LIVE);
        assertEquals(7, live.getId());
        live.getDevices().getMemballoon().setAlias(alias("balloon0"));
        String liveXml = DomainXml.format(live, FormatMode.LIVE);
        assertTrue(liveXml.contains("id='7'") && liveXml.contains("<alias name='virtio-disk0'/>") && liveXml.contains("<alias name='balloon0'/>")
                && liveXml.contains("<mirror file='/copy' format='raw'/>"), liveXml);
        String inactiveXml = DomainXml.format(live);
        assertFalse(inactiveXml.contains("id='7'") || inactiveXml.contains("<alias") || inactiveXml.contains("<mirror"), inactiveXml);
    }

    @Test
    void runtimeDetailsSurviveALiveParseOnly() throws Exception {
        String xml = Domains.withDevices("""
                <serial type='pty'><source path='/dev/pts/4'/><target port='0'/></serial>
                <interface type='bridge'><mac address='52:54:00:00:00:09'/><source bridge='br0'/><target dev='vnet0'/></interface>
                <graphics type='vnc' port='5901' autoport='yes'/>
                """);
        Domain definition = DomainXml.parse(xml);
        assertTrue(definition.getDevices().getSerials().getFirst().getSources().isEmpty());
        assertNull(definition.getDevices().getInterfaces().getFirst().getTarget());
        assertEquals(-1, definition.getDevices().getGraphics().getFirst().getPort());
        Domain running = DomainXml.parse(xml, FormatMode.LIVE);
        assertEquals("/dev/pts/4", running.getDevices().getSerials().getFirst().getSources().getFirst().getPath());
        assertEquals("vnet0", running.getDevices().getInterfaces().getFirst().getTarget().getDev());
        assertEquals(5901, running.getDevices().getGraphics().getFirst().getPort());
    }

    @Test
    void backingChainIsLiveState() throws Exception {
        String xml = Domains.withDevices("""
                <disk type='file'>
                  <driver name='qemu' type='qcow2'/>
                  <source file='/img/top.qcow2'/>
                  <backingStore type='file' index='1'>
                    <format type='qcow2'/>
                    <source file='/img/base.qcow2'/>
                    <backingStore/>
                  </backingStore>
                  <target dev='vda'/>
                </disk>
                """);
        assertNull(DomainXml.parse(xml).getDevices().getDisks().getFirst().getBackingStore(), "a definition keeps no chain");
        Domain live = DomainXml.parse(xml, FormatMode.LIVE);
        var layer = live.getDevices().getDisks().getFirst().getBackingStore();
        assertEquals("/img/base.qcow2", layer.getSource().getFile());
        assertEquals("qcow2", layer.getFormat().getType());
        String out = DomainXml.format(live, FormatMode.LIVE);
        assertTrue(out.indexOf("<backingStore type='file' index='1'>") > out.indexOf("<source file='/img/top.qcow2'/>")
                && out.indexOf("<backingStore/>") > 0, out);
    }

    @Test
    void formatThenParseIsStable() throws Exception {
        String once = DomainXml.format(DomainXml.parse(Domains.withDevices("""
                <channel type='pty'><target type='virtio' name='org.qemu.guest_agent.0'/></channel>
                <console type='pty'><target type='virtio'/></console>
                <interface type='network'><source network='default'/><model type='virtio'/></interface>
                """)));
        assertEquals(once, DomainXml.format(DomainXml.parse(once)));
    }

    @Test
    void twoDisksWithOneTargetAreRefused() {
        var e = refused(Domains.withDevices("""
                <disk type='file'><source file='/a'/><target dev='vda'/></disk>
                <disk type='file'><source file='/b'/><target dev='vda'/></disk>
                """));
        assertProblem(e, "/domain/devices/disk[2]/target", "target dev='vda' is already used by disk 1");
        assertTrue(e.problems().getFirst().line() > 0, "located: " + e.problems());
    }

    @Test
    void badUuidIsRefused() {
        var e = refused(Domains.withDevices("").replace("c7a5fdbd-edaf-9455-926a-d65c16db1809", "c7a5fdbd-edaf-9455-926a-d65c16db18"));
        assertProblem(e, "/domain/uuid", "UUID");
    }

    @Test
    void duplicateControllerIndexIsRefused() {
        var e = refused(Domains.withDevices("""
                <controller type='ide' index='0'/>
                <controller type='ide' index='0'/>
                """));
        assertProblem(e, "/domain/devices/controller[2]", "two 'ide' controllers with index 0");
    }

    @Test
    void clashingAddressesAreRefused() {
        var e = refused(Domains.withDevices("""
                <disk type='file'><source file='/a'/><target dev='vda'/><address type='pci' domain='0' bus='0' slot='4' function='0'/></disk>
                <interface type='user'><mac address='52:54:00:00:00:01'/><address type='pci' domain='0x0000' bus='0x00' slot='0x04' function='0x0'/></interface>
                """));
        assertProblem(e, "/domain/devices/interface/address", "interface uses address 0000:00:04.0, which disk 'vda' already uses");
    }

    @Test
    void drivesOnOneUnitClash() {
        var e = refused(Domains.withDevices("""
                <disk type='file'><source file='/a'/><target dev='hda'/></disk>
                <disk type='file'><source file='/b'/><target dev='hdb'/><address type='drive' controller='0' bus='0' target='0' unit='0'/></disk>
                """));
        assertProblem(e, "/domain/devices/disk[2]/address", "which disk 'hda' already uses");
    }

    @Test
    void drivesPlacedOnOneUnitByTheDocumentItselfAreAccepted() throws Exception {
        Domain d = DomainXml.parse(Domains.withDevices("""
                <disk type='file'><source file='/a'/><target dev='hda'/><address type='drive' controller='0' bus='0' target='0' unit='0'/></disk>
                <disk type='file'><source file='/b'/><target dev='hdb'/><address type='drive' controller='0' bus='0' target='0' unit='0'/></disk>
                """));
        assertEquals(2, d.getDevices().getDisks().size(), "libvirt 0.10.2 does not compare written drive addresses");
    }

    @Test
    void controllersAreOrderedByIndexWithinTheirTypeAndCompanionsGetTheirStartPort() throws Exception {
        Domain d = DomainXml.parse(Domains.withDevices("""
                <controller type='usb' index='1' model='ich9-uhci2'/>
                <controller type='scsi' index='1'/>
                <controller type='usb' index='0' model='ich9-ehci1'/>
                <controller type='usb' index='1' model='ich9-ehci1'/>
                <controller type='scsi' index='0'/>
                <controller type='usb' index='0' model='ich9-uhci3'><master startport='2'/></controller>
                """));
        var order = d.getDevices().getControllers().stream()
                .map(c -> c.getType().xml() + c.getIndex() + (c.getModel() == null ? "" : "/" + c.getModel())
                        + (c.getMaster() == null ? "" : "@" + c.getMaster().getStartport()))
                .toList();
        assertEquals(List.of("usb0/ich9-ehci1", "usb0/ich9-uhci3@2", "usb1/ich9-uhci2@2", "usb1/ich9-ehci1", "scsi0", "scsi1"), order);
    }

    @Test
    void metadataIsPrintedAsLibxml2PrintsIt() throws Exception {
        String out = DomainXml.format(DomainXml.parse(Domains.withDevices("""
                <metadata>
                        <my:app xmlns:my="http://example.org/my" note='say "hi" &amp; go'>it's &lt;here&gt;</my:app>
                  <my:nested xmlns:my="http://example.org/my">
                              <my:leaf>  </my:leaf>
                   </my:nested>
                </metadata>
                """, "")));
        assertTrue(out.contains("""
                  <metadata>
                    <my:app xmlns:my="http://example.org/my" note="say &quot;hi&quot; &amp; go">it's &lt;here&gt;</my:app>
                    <my:nested xmlns:my="http://example.org/my">
                      <my:leaf>  </my:leaf>
                    </my:nested>
                  </metadata>
                """), "re-indented, blanks kept only where they are the whole content:\n" + out);
    }

    @Test
    void currentMemoryAboveMemoryIsRefusedButRoundingIsClamped() throws Exception {
        var e = refused(Domains.withDevices("<currentMemory unit='MiB'>512</currentMemory>", ""));
        assertProblem(e, "/domain/currentMemory", "exceeds the maximum");
        Domain clamped = DomainXml.parse(Domains.withDevices("<currentMemory unit='KiB'>262150</currentMemory>", ""));
        assertEquals(262144L, clamped.getCurrentMemory().getValue(), "libvirt clamps a gap below 1 MiB");
    }

    @Test
    void currentVcpusAboveMaximumAreRefused() {
        var e = refused(Domains.withDevices("<vcpu current='4'>2</vcpu>", ""));
        assertProblem(e, "/domain/vcpu", "current vCPUs (4) exceed the maximum (2)");
    }

    @Test
    void malformedNumbersAreRefusedNotThrown() {
        // JAXB throws NumberFormatException out of unmarshal for these; each must become a located problem
        for (String bad : List.of("<vcpu current='abc'>2</vcpu>", "<vcpu>2</vcpu><cputune><shares>0x10</shares></cputune>")) {
            var e = refused(Domains.withDevices(bad, ""));
            assertTrue(e.problems().stream().allMatch(p -> p.line() > 0), bad + " -> " + e.problems());
        }
        var e = refused(Domains.withDevices("<graphics type='vnc' port='yes'/>"));
        assertProblem(e, "/domain/devices/graphics", "");
    }

    @Test
    void cpuListsAreNormalisedAndCheckedForSyntax() throws Exception {
        Domain d = DomainXml.parse(Domains.withDevices("<vcpu cpuset='0-5,^4,8,9,10'>2</vcpu>", ""));
        assertEquals("0-3,5,8-10", d.getVcpu().getCpuset());
        assertProblem(refused(Domains.withDevices("<vcpu cpuset='3-1'>2</vcpu>", "")), "/domain/vcpu", "runs backwards");
    }

    @Test
    void unknownValueThatReachesBindingNamesAllowedOnes() {
        // a value the schema lets through only if it is out of step with the model: the binder must not turn it into null
        var e = refused(Domains.withDevices("""
                <disk type='file'><driver name='qemu' copy_on_read='maybe'/><source file='/a'/><target dev='vda'/></disk>
                """));
        assertProblem(e, "/domain/devices/disk/driver", "copy_on_read");
    }

    @Test
    void externalEntitiesAreNeverRead() {
        String xxe = "<?xml version='1.0'?>\n<!DOCTYPE domain [<!ENTITY x SYSTEM 'file:///etc/passwd'>]>\n"
                + Domains.withDevices("").replace("<name>test</name>", "<name>&x;</name>");
        var e = refused(xxe);
        assertTrue(e.getMessage().contains("DOCTYPE"), e.getMessage());
        assertFalse(e.getMessage().contains("root:"), "file content must not leak: " + e.getMessage());
    }

    private static DeviceAlias alias(String name) {
        DeviceAlias a = new DeviceAlias();
        a.setName(name);
        return a;
    }

    private static XmlProblemsException refused(String xml) {
        return assertThrows(XmlProblemsException.class, () -> DomainXml.parse(xml));
    }

    private static void assertProblem(XmlProblemsException e, String pathStart, String fragment) {
        assertTrue(e.problems().stream().anyMatch(p -> p.path().startsWith(pathStart) && p.message().contains(fragment)),
                "expected a problem at " + pathStart + " containing '" + fragment + "', got: " + e.problems());
    }
}
