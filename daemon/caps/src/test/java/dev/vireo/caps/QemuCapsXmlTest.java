package dev.vireo.caps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vireo.conf.XmlProblemsException;
import java.io.StringReader;
import java.util.EnumSet;
import java.util.List;
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
}
