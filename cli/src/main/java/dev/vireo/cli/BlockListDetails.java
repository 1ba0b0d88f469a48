package dev.vireo.cli;

import dev.vireo.protocol.BackingLayer;
import dev.vireo.protocol.DiskSummary;

import java.io.PrintWriter;
import java.util.List;

/**
 * {@code domblklist --details}: virsh's Type / Device / Target / Source table. A running disk's
 * backing images follow it as rows named {@code TARGET[N]} (the chain index notation), so the
 * whole chain the daemon opened for QEMU is visible.
 */
final class BlockListDetails {
    private BlockListDetails() {
    }

    static void print(List<DiskSummary> disks, PrintWriter out) {
        out.printf("%-10s %-10s %-10s %s%n", "Type", "Device", "Target", "Source");
        out.println("------------------------------------------------");
        for (DiskSummary d : disks) {
            out.printf("%-10s %-10s %-10s %s%n", d.type(), d.device(), d.target(), d.source() == null ? "-" : d.source());
            for (BackingLayer layer : d.backingChain()) {
                out.printf("%-10s %-10s %-10s %s%n", layer.type(), d.device(), d.target() + "[" + layer.index() + "]",
                        layer.source());
            }
        }
        out.println();
    }
}
