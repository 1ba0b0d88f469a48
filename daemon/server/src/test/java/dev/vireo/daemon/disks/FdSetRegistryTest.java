package dev.vireo.daemon.disks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vireo.monitor.BlockNode;
import dev.vireo.monitor.FdSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The registry from QEMU's own answers (StoragePlanE2ETest reads them from a live QEMU). */
class FdSetRegistryTest {

    private static FdSet set(int id, String... opaques) {
        List<FdSet.Fd> fds = new java.util.ArrayList<>();
        for (int i = 0; i < opaques.length; i++) {
            fds.add(new FdSet.Fd(10 + i, opaques[i]));
        }
        return new FdSet(id, fds);
    }

    private static BlockNode node(String name, String file) {
        return new BlockNode(name, "file", file, false, null, 0, 0);
    }

    private static final List<FdSet> FDSETS = List.of(set(3, "vireo-image-3-ro"), set(1, "vireo-image-1-rw"),
            set(2, "vireo-image-2-ro", "vireo-image-2-rw"), set(0, "by-hand"));

    private static final List<BlockNode> NODES = List.of(node("libvirt-1-format", "json:{}"),
            node("libvirt-1-storage", "/dev/fdset/1"), node("libvirt-3-format", "/dev/fdset/3"),
            node("libvirt-3-storage", "/dev/fdset/3"), node("other", "/dev/fdset/30"));

    @Test
    void setsAreReadFromTheirNotesAndTheNodesThatOpenedThem() {
        FdSetRegistry registry = FdSetRegistry.of(FDSETS, NODES);
        assertEquals(new FdSetRegistry.Held(1, 1, false, true, List.of("libvirt-1-storage")),
                registry.forImage(1).orElseThrow());
        assertEquals(new FdSetRegistry.Held(2, 2, true, true, List.of()), registry.forImage(2).orElseThrow());
        assertEquals(List.of(0), registry.foreign());
        assertEquals(List.of(registry.forImage(2).orElseThrow()), registry.unused());
        assertEquals("set 1: image 1 rw (libvirt-1-storage); set 2: image 2 ro+rw (no node); "
                + "set 3: image 3 ro (libvirt-3-format, libvirt-3-storage)", registry.toString());
        assertEquals("set 1: image 1 rw (libvirt-1-storage); "
                + "set 3: image 3 ro (libvirt-3-format, libvirt-3-storage)", registry.without(2).toString());
    }

    @Test
    void aSetMixingTwoImagesIsNotTakenForOurs() {
        FdSetRegistry registry = FdSetRegistry.of(List.of(set(5, "vireo-image-5-ro", "vireo-image-6-rw")), List.of());
        assertEquals(List.of(5), registry.foreign());
        assertEquals(0, registry.sets().size());
    }
}
