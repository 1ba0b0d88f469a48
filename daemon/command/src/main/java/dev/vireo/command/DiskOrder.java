package dev.vireo.command;

import dev.vireo.conf.model.Disk;
import java.util.ArrayList;
import java.util.List;

/**
 * libvirt keeps a domain's disks grouped by bus and, within a bus, in target order ({@code hda}
 * before {@code hdc}, {@code vda} before {@code vdb}), whatever order the XML lists them in; the
 * command line, the aliases and the PCI slots of virtio disks follow that order.
 */
final class DiskOrder {

    private DiskOrder() {
    }

    static List<Disk> of(List<Disk> documentOrder) {
        List<Disk> sorted = new ArrayList<>(documentOrder.size());
        for (Disk disk : documentOrder) {
            sorted.add(insertionPoint(sorted, disk), disk);
        }
        return sorted;
    }

    /**
     * Before the first disk of the same bus with a higher target index, else right after the last
     * disk of that bus, else at the end.
     */
    private static int insertionPoint(List<Disk> sorted, Disk disk) {
        int index = DiskNames.index(DiskNames.dev(disk));
        int insertAt = -1;
        for (int i = sorted.size() - 1; i >= 0; i--) {
            Disk other = sorted.get(i);
            if (DiskNames.bus(other) != DiskNames.bus(disk)) {
                continue;
            }
            if (DiskNames.index(DiskNames.dev(other)) > index) {
                insertAt = i;
            } else if (insertAt == -1) {
                insertAt = i + 1;
            }
        }
        return insertAt == -1 ? sorted.size() : insertAt;
    }
}
