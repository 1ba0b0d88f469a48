package dev.vireo.daemon.disks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vireo.command.storage.StoragePlan;
import dev.vireo.conf.DomainXml;
import dev.vireo.conf.FormatMode;
import dev.vireo.monitor.FdSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The registry from QEMU's query-fdsets and the live plan (StoragePlanE2ETest reads a live QEMU). */
class FdSetRegistryTest {

    /** A live definition after image 2 was pulled into the top: images 1 and 3 remain. */
    private static final String LIVE = """
            <domain type='qemu' id='1'><name>d</name><memory>65536</memory>
              <os><type arch='x86_64' machine='pc'>hvm</type></os>
              <devices>
                <disk type='file' device='disk'>
                  <driver name='qemu' type='qcow2'/>
                  <source file='/img/top.qcow2' index='1'/>
                  <backingStore type='file' index='3'><format type='raw'/><source file='/img/base.raw'/><backingStore/></backingStore>
                  <target dev='vda' bus='virtio'/>
                </disk>
              </devices>
            </domain>""";

    private static FdSet set(int id, String... opaques) {
        List<FdSet.Fd> fds = new ArrayList<>();
        for (int i = 0; i < opaques.length; i++) {
            fds.add(new FdSet.Fd(10 + i, opaques[i]));
        }
        return new FdSet(id, fds);
    }

    @Test
    void setsAreReadFromTheirNotesAndTheImagesOfTheLivePlan() throws Exception {
        StoragePlan plan = StoragePlan.of(DomainXml.parse(LIVE, FormatMode.LIVE), Map.of());
        FdSetRegistry registry = FdSetRegistry.of(List.of(set(3, "vireo-image-3-ro"), set(1, "vireo-image-1-rw"),
                set(2, "vireo-image-2-ro", "vireo-image-2-rw"), set(0, "by-hand")), plan);
        assertEquals(new FdSetRegistry.Held(1, 1, false, true, List.of("libvirt-1-format", "libvirt-1-storage")),
                registry.forImage(1).orElseThrow());
        assertEquals(new FdSetRegistry.Held(2, 2, true, true, List.of()), registry.forImage(2).orElseThrow());
        assertEquals(List.of(0), registry.foreign());
        assertEquals(List.of(registry.forImage(2).orElseThrow()), registry.unused());
        assertEquals("set 1: image 1 rw (libvirt-1-format, libvirt-1-storage); set 2: image 2 ro+rw (no node); "
                + "set 3: image 3 ro (libvirt-3-format, libvirt-3-storage)", registry.toString());
    }

    @Test
    void aSetMixingTwoImagesIsNotTakenForOurs() throws Exception {
        StoragePlan plan = StoragePlan.of(DomainXml.parse(LIVE, FormatMode.LIVE), Map.of());
        FdSetRegistry registry = FdSetRegistry.of(List.of(set(5, "vireo-image-5-ro", "vireo-image-6-rw")), plan);
        assertEquals(List.of(5), registry.foreign());
        assertEquals(0, registry.sets().size());
    }
}
