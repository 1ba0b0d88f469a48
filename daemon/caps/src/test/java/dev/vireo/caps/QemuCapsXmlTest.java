package dev.vireo.caps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vireo.conf.XmlProblemsException;
import java.io.StringReader;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class QemuCapsXmlTest {

    @Test
    void formatThenParseGivesTheSameCapabilities() throws Exception {
        QemuCaps caps = new QemuCaps("/opt/q&a/qemu", 1002000, 0, true,
                EnumSet.of(Capability.DRIVE, Capability.QEMU_0_10, Capability.VIRTIO_BLK_PCI_SCSI, Capability.DEVICE_VGA));
        String xml = QemuCapsXml.format(caps);
        assertEquals(caps, QemuCapsXml.parse(xml, "test"));
        assertTrue(xml.contains("<emulator>/opt/q&amp;a/qemu</emulator>"), xml);
    }

    @Test
    void flagsAreWrittenInLibvirtOrderWithLibvirtNames() {
        String xml = QemuCapsXml.format(QemuCaps.of("/usr/bin/qemu", Capability.DRIVE_AIO, Capability.VNC_COLON,
                Capability.VIRTIO_BLK_PCI_SCSI, Capability.QEMU_0_10));
        assertEquals(List.of("vnc-colon", "0.10", "drive-aio", "virtio-blk-pci.scsi"), flagNames(xml));
    }

    @Test
    void acceptsTheConformanceRunnersDocumentWithoutKvmElement() throws Exception {
        String xml = """
                <qemuCaps>
                  <emulator>/usr/bin/qemu</emulator>
                  <version>0</version>
                  <kvmVersion>0</kvmVersion>
                  <flag name='vnc-colon'/>
                  <flag name="drive"/>
                  <flag name='cache-directsync'/>
                </qemuCaps>
                """;
        QemuCaps caps = QemuCapsXml.parse(xml, "runner.xml");
        assertEquals(EnumSet.of(Capability.VNC_COLON, Capability.DRIVE, Capability.CACHE_DIRECTSYNC), caps.flags());
        assertFalse(caps.kvm());
    }

    @Test
    void findsQemuCapsInsideAWrapperElement() throws Exception {
        QemuCaps caps = QemuCapsXml.parse("<domainCapabilities><path>x</path><qemuCaps><emulator>/q</emulator>"
                + "<flag name='device'/></qemuCaps></domainCapabilities>", "");
        assertTrue(caps.has(Capability.DEVICE));
    }

    @Test
    void unknownFlagIsIgnoredAndReportedWithItsLine() throws Exception {
        QemuCapsXml.Parsed parsed = QemuCapsXml.parse(new StringReader("""
                <qemuCaps>
                  <emulator>/usr/bin/qemu</emulator>
                  <flag name='drive'/>
                  <flag name='drive-cach-v2'/>
                </qemuCaps>
                """), "caps.xml");
        assertEquals(EnumSet.of(Capability.DRIVE), parsed.caps().flags());
        assertEquals(1, parsed.ignoredFlags().size());
        assertEquals(4, parsed.ignoredFlags().getFirst().line());
        assertTrue(parsed.ignoredFlags().getFirst().message().contains("unknown capability flag 'drive-cach-v2'"));
    }

    @Test
    void refusesMissingEmulatorAndBadNumbersAllAtOnce() {
        XmlProblemsException e = assertThrows(XmlProblemsException.class, () -> QemuCapsXml.parse("""
                <qemuCaps>
                  <version>1.2.0</version>
                  <flag/>
                </qemuCaps>
                """, "bad.xml"));
        assertEquals(3, e.problems().size(), e.getMessage());
        assertTrue(e.getMessage().contains("<version> must be a non-negative whole number"), e.getMessage());
        assertTrue(e.getMessage().contains("<flag> needs a name attribute"), e.getMessage());
        assertTrue(e.getMessage().contains("missing required element <emulator>"), e.getMessage());
    }

    @Test
    void refusesTextThatIsNotXml() {
        XmlProblemsException e = assertThrows(XmlProblemsException.class,
                () -> QemuCapsXml.parse("<qemuCaps><emulator>", "broken.xml"));
        assertTrue(e.getMessage().startsWith("line 1"), e.getMessage());
        assertTrue(e.getMessage().contains("broken.xml: not well-formed XML"), e.getMessage());
    }

    @Test
    void refusesADocumentWithoutQemuCaps() {
        XmlProblemsException e = assertThrows(XmlProblemsException.class,
                () -> QemuCapsXml.parse("<domain/>", "d.xml"));
        assertTrue(e.getMessage().contains("no <qemuCaps> element"), e.getMessage());
    }

    private static List<String> flagNames(String xml) {
        return xml.lines().filter(l -> l.contains("<flag "))
                .map(l -> l.substring(l.indexOf('\'') + 1, l.lastIndexOf('\''))).toList();
    }

    private static final String DETAILS = """
            <qemuCaps>
              <emulator>/usr/bin/qemu-system-x86_64</emulator>
              <version>7002022</version>
              <flag name='blockdev'/>
              <accel name='tcg'/>
              <machine name='pc-i440fx-7.2' alias='pc' default='yes' maxCpus='255'/>
              <machine name='pc-i440fx-1.4' maxCpus='255' deprecated='yes'/>
              <device name='virtio-blk-pci'>
                <property name='drive'/>
                <property name='bootindex'/>
              </device>
              <device name='ac97'/>
              <cpu name='Skylake-Client' accel='tcg' usable='no'>
                <blocker name='avx2'/>
              </cpu>
              <cpu name='qemu64' accel='tcg' usable='yes'/>
              <hostCpu accel='tcg' model='EPYC' vendor='AMD'>
                <feature name='acpi' policy='require'/>
                <feature name='xsavec' policy='disable'/>
              </hostCpu>
              <hostCpu accel='kvm' model='qemu64' vendor='AMD'/>
              <firmware file='/usr/share/qemu/firmware/60-edk2-x86_64.json' device='flash' executable='/fw/CODE.fd' nvramTemplate='/fw/VARS.fd' format='raw'>
                <interface name='uefi'/>
                <target arch='x86_64' machine='pc-i440fx-*'/>
                <target arch='x86_64' machine='pc-q35-*'/>
                <feature name='acpi-s3'/>
              </firmware>
            </qemuCaps>
            """;

    @Test
    void detailsOfAQmpProbeReadAndWriteBack() throws Exception {
        QemuCaps caps = QemuCapsXml.parse(DETAILS, "caps.xml");
        assertEquals(Optional.of("pc-i440fx-7.2"), caps.canonicalMachine("pc"));
        assertTrue(caps.machines().get(1).deprecated());
        assertEquals(Set.of("drive", "bootindex"), caps.deviceProperties("virtio-blk-pci"));
        assertTrue(caps.hasDevice("ac97"));
        assertEquals(Set.of(), caps.deviceProperties("ac97"));
        assertEquals(List.of(new CpuModel("Skylake-Client", "tcg", List.of("avx2"), false),
                new CpuModel("qemu64", "tcg", List.of(), false)), caps.cpuModels("tcg"));
        assertEquals(Optional.of(new HostCpu("tcg", "EPYC", "AMD", List.of(new HostCpu.Feature("acpi", true),
                new HostCpu.Feature("xsavec", false)))), caps.hostCpu("tcg"));
        assertEquals(Optional.of(new HostCpu("kvm", "qemu64", "AMD", List.of())), caps.hostCpu("kvm"));
        FirmwareDescriptor fw = caps.firmware().getFirst();
        assertEquals(List.of(new FirmwareDescriptor.Target("x86_64", List.of("pc-i440fx-*", "pc-q35-*"))), fw.targets());
        assertEquals("/fw/VARS.fd", fw.nvramTemplate());
        assertEquals(List.of("acpi-s3"), fw.features());
        String again = QemuCapsXml.format(caps);
        assertEquals(caps, QemuCapsXml.parse(again, "again"));
        assertEquals(DETAILS.replace("  <flag name='blockdev'/>", "  <kvmVersion>0</kvmVersion>\n  <kvm>no</kvm>\n"
                + "  <flag name='blockdev'/>"), again, "the document is written back as it was read");
    }

    @Test
    void brokenDetailsAreRefusedEachWithItsLine() {
        XmlProblemsException e = assertThrows(XmlProblemsException.class, () -> QemuCapsXml.parse("""
                <qemuCaps>
                  <emulator>/q</emulator>
                  <machine alias='pc' maxCpus='many'/>
                  <device name='x'><prop name='y'/></device>
                  <cpu name='qemu64' usable='yes'/>
                  <firmware file='f' device='flash' executable='e'><target arch='x86_64'/></firmware>
                  <hostCpu accel='tcg' vendor='AMD'><feature name='acpi' policy='maybe'/><model/></hostCpu>
                </qemuCaps>
                """, "bad.xml"));
        String m = e.getMessage();
        assertTrue(m.contains("<machine> needs the name attribute"), m);
        assertTrue(m.contains("machine/@maxCpus must be a non-negative whole number, not 'many'"), m);
        assertTrue(m.contains("unexpected element <prop> in <device>; allowed: property"), m);
        assertTrue(m.contains("<cpu> needs the accel attribute"), m);
        assertTrue(m.contains("<target> needs the machine attribute"), m);
        assertTrue(m.contains("<hostCpu> needs the model attribute"), m);
        assertTrue(m.contains("<feature policy> must be 'require' or 'disable', not 'maybe'"), m);
        assertTrue(m.contains("unexpected element <model> in <hostCpu>; allowed: feature"), m);
        assertEquals(8, e.problems().size(), m);
    }
}
