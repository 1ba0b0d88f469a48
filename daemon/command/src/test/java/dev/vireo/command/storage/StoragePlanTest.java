package dev.vireo.command.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.vireo.conf.DomainXml;
import dev.vireo.conf.FormatMode;
import dev.vireo.conf.model.Domain;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The plan from a live definition, with fd sets: what a start renders, and what blockdev-add gets. */
class StoragePlanTest {

    private static final String LIVE = """
            <domain type='qemu' id='1'><name>d</name><memory>65536</memory>
              <os><type arch='x86_64' machine='pc'>hvm</type></os>
              <devices>
                <disk type='file' device='disk'>
                  <driver name='qemu' type='qcow2'/>
                  <source file='/img/top.qcow2' index='1'/>
                  <backingStore type='file' index='2'><format type='qcow2'/><source file='/img/base.qcow2'/><backingStore/></backingStore>
                  <target dev='vda' bus='virtio'/>
                </disk>
                <disk type='file' device='cdrom'>
                  <driver name='qemu' type='raw'/>
                  <target dev='hdc' bus='ide'/>
                </disk>
              </devices>
            </domain>""";

    private static Domain live() throws Exception {
        return DomainXml.parse(LIVE, FormatMode.LIVE);
    }

    private static FdSet set(int id, int fd, boolean rw) {
        return new FdSet(id, List.of(new PassedFd(fd, new FdSetNote(id, rw).text())));
    }

    @Test
    void fdPassedImagesOpenTheirSetReadOnlyOrNotOutrightWithoutLocking() throws Exception {
        StoragePlan plan = StoragePlan.of(live(), Map.of(1, set(1, 3, true), 2, set(2, 4, false)));
        DiskStorage vda = plan.disk("vda").orElseThrow();
        List<String> nodes = BlockdevNodes.all(vda).stream().map(JsonText::of).toList();
        assertEquals(List.of(
                "{\"driver\":\"file\",\"filename\":\"/dev/fdset/2\",\"node-name\":\"libvirt-2-storage\",\"read-only\":true,\"locking\":\"off\",\"discard\":\"unmap\"}",
                "{\"node-name\":\"libvirt-2-format\",\"read-only\":true,\"driver\":\"qcow2\",\"file\":\"libvirt-2-storage\",\"backing\":null}",
                "{\"driver\":\"file\",\"filename\":\"/dev/fdset/1\",\"node-name\":\"libvirt-1-storage\",\"read-only\":false,\"locking\":\"off\",\"discard\":\"unmap\"}",
                "{\"node-name\":\"libvirt-1-format\",\"read-only\":false,\"driver\":\"qcow2\",\"file\":\"libvirt-1-storage\",\"backing\":\"libvirt-2-format\"}"),
                nodes);
        assertEquals(List.of(set(1, 3, true), set(2, 4, false)), plan.fdSets());
        assertEquals("/img/base.qcow2", vda.image(2).orElseThrow().path());
        assertEquals(List.of(), plan.disk("hdc").orElseThrow().images());
    }

    @Test
    void anOverlayAddedAtRunTimeGetsTheSameNodesFromTheSameValues() throws Exception {
        DiskStorage vda = StoragePlan.of(live(), Map.of()).disk("vda").orElseThrow();
        ImageNode overlay = new ImageNode(3, "/img/snap.qcow2", false, "qcow2", false, set(3, 9, true));
        List<String> add = BlockdevNodes.forAdd(overlay, vda, null).stream().map(JsonText::of).toList();
        assertEquals(List.of(
                "{\"driver\":\"file\",\"filename\":\"/dev/fdset/3\",\"node-name\":\"libvirt-3-storage\",\"read-only\":false,\"locking\":\"off\",\"discard\":\"unmap\"}",
                "{\"node-name\":\"libvirt-3-format\",\"read-only\":false,\"driver\":\"qcow2\",\"file\":\"libvirt-3-storage\",\"backing\":null}"),
                add);
        ImageNode target = new ImageNode(4, "/img/copy.qcow2", false, "qcow2", false, set(4, 9, true));
        assertEquals("libvirt-2-format", BlockdevNodes.forAdd(target, vda, "libvirt-2-format").get(1).get("backing"));
    }

    @Test
    void anFdSetForAnImageTheDefinitionLacksIsRefused() throws Exception {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> StoragePlan.of(live(), Map.of(7, set(7, 3, false))));
        assertEquals("fd sets for images [7] that no disk of the definition has", e.getMessage());
    }

    @Test
    void numbersAreKeptAndNewImagesCountOnAboveTheHighest() throws Exception {
        Domain d = DomainXml.parse(LIVE.replace("index='1'", "index='5'")
                .replace("</devices>", "<disk type='file' device='disk'><source file='/img/new.raw'/>"
                        + "<target dev='vdb' bus='virtio'/></disk></devices>"), FormatMode.LIVE);
        ImageIndexes.assign(d);
        assertEquals(5, d.getDevices().getDisks().get(0).getSource().getIndex());
        assertEquals(2, d.getDevices().getDisks().get(0).getBackingStore().getIndex());
        assertEquals(6, d.getDevices().getDisks().get(2).getSource().getIndex());
    }

    @Test
    void theNoteOfAnFdReadsBackAndForeignNotesAreNotTakenForOurs() {
        assertEquals(new FdSetNote(12, true), FdSetNote.parse("vireo-image-12-rw").orElseThrow());
        assertEquals(java.util.Optional.empty(), FdSetNote.parse("vda-0-rw"));
        assertEquals(java.util.Optional.empty(), FdSetNote.parse("vireo-image-0-ro"));
    }
}
