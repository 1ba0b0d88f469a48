package dev.vireo.command.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vireo.conf.DomainXml;
import dev.vireo.conf.FormatMode;
import dev.vireo.conf.model.Domain;
import org.junit.jupiter.api.Test;

/** New image numbers of a running domain, and the live XML's {@code <mirror>} of a running copy. */
class ImageIndexesTest {

    private static final String MIRROR = """
                  <mirror type='file' file='/img/copy.qcow2' format='qcow2' job='copy' ready='yes'>
                    <format type='qcow2'/>
                    <source file='/img/copy.qcow2' index='7'/>
                  </mirror>
            """;

    private static String live(String mirror) {
        return """
                <domain type='qemu' id='1'><name>d</name><memory>65536</memory>
                  <os><type arch='x86_64' machine='pc'>hvm</type></os>
                  <devices>
                    <disk type='file' device='disk'>
                      <driver name='qemu' type='qcow2'/>
                      <source file='/img/top.qcow2' index='1'/>
                      <backingStore type='file' index='2'><format type='qcow2'/><source file='/img/base.qcow2'/><backingStore/></backingStore>
                %s      <target dev='vda' bus='virtio'/>
                    </disk>
                    <disk type='file' device='disk'>
                      <driver name='qemu' type='raw'/>
                      <source file='/img/data.raw' index='3'/>
                      <target dev='vdb' bus='virtio'/>
                    </disk>
                  </devices>
                </domain>""".formatted(mirror);
    }

    @Test
    void aNewImageGetsTheNumberAboveEveryNumberInUse() throws Exception {
        assertEquals(4, ImageIndexes.next(DomainXml.parse(live(""), FormatMode.LIVE)));
    }

    @Test
    void aRunningCopysTargetKeepsItsNumber() throws Exception {
        Domain d = DomainXml.parse(live(MIRROR), FormatMode.LIVE);
        assertEquals(8, ImageIndexes.next(d), "the copy's target is image 7");
        assertEquals("7", String.valueOf(d.getDevices().getDisks().getFirst().getMirror().getSource().getIndex()));
    }

    @Test
    void theMirrorIsLiveOnlyAndFormattedAsLibvirt9Does() throws Exception {
        Domain d = DomainXml.parse(live(MIRROR), FormatMode.LIVE);
        String xml = DomainXml.format(d, FormatMode.LIVE);
        assertTrue(xml.contains("<mirror type='file' file='/img/copy.qcow2' format='qcow2' job='copy' ready='yes'>\n"
                + "        <format type='qcow2'/>\n"
                + "        <source file='/img/copy.qcow2' index='7'/>\n"
                + "      </mirror>"), xml);
        assertFalse(DomainXml.format(d, FormatMode.INACTIVE).contains("mirror"));
    }
}
