package dev.vireo.daemon.disks;

import dev.vireo.command.storage.DiskStorage;
import dev.vireo.command.storage.StoragePlan;
import dev.vireo.daemon.errors.VireoError;
import dev.vireo.monitor.BlockStats;
import dev.vireo.protocol.DiskStats;

import java.util.List;
import java.util.Optional;

/**
 * {@code domblkstat}'s counters of a running guest's disks, picked out of {@code query-blockstats}
 * (devices, not nodes): a disk's entry is the one whose root node is the node its guest device is
 * attached to in the storage plan of the live definition. A drive without a medium has done no
 * I/O and counts zero (QEMU's entry for it has no node to match).
 */
public final class DiskStatistics {

    private DiskStatistics() {
    }

    /**
     * @param disk    a target ({@code vda}) or the path of a disk's top image, or null for the sum
     *                over every disk
     * @param devices what {@code query-blockstats} returns without {@code query-nodes}
     */
    public static DiskStats of(String domain, StoragePlan plan, String disk, List<BlockStats> devices)
            throws VireoError {
        if (disk != null) return of(PlanDisks.find(domain, plan, disk), devices);
        DiskStats sum = new DiskStats("", 0, 0, 0, 0, 0, 0, 0, 0);
        for (DiskStorage d : plan.disks()) sum = sum.plus(of(d, devices));
        return sum;
    }

    private static DiskStats of(DiskStorage disk, List<BlockStats> devices) throws VireoError {
        Optional<String> front = disk.frontNode();
        if (front.isEmpty()) return new DiskStats(disk.dev(), 0, 0, 0, 0, 0, 0, 0, 0);
        for (BlockStats s : devices) {
            if (front.get().equals(s.nodeName())) {
                return new DiskStats(disk.dev(), s.rdOperations(), s.rdBytes(), s.wrOperations(), s.wrBytes(),
                        s.flushOperations(), s.rdTotalTimeNs(), s.wrTotalTimeNs(), s.flushTotalTimeNs());
            }
        }
        throw VireoError.failed("QEMU reports no statistics for disk '" + disk.dev() + "' (node "
                + front.get() + "); its block graph differs from the live definition");
    }
}
