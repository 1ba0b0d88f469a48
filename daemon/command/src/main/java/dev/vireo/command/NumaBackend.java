package dev.vireo.command;

import dev.vireo.conf.model.NumaCell;

/**
 * The memory backend of one NUMA node ({@code ram-nodeN}) for QEMU 5.1 and later, from the domain's
 * {@code <memoryBacking>} and the cell's own settings ({@link MemoryBackendObject}). A plain cell is
 * {@code memory-backend-ram}. {@code memAccess='shared|private'} is {@code share=on|off} on a
 * {@code memory-backend-memfd} (as the guest's RAM without cells, {@link MemoryBackendArgs}).
 * {@code discard='yes'} needs {@code discard-data}, which only {@code memory-backend-file} has: its
 * file is made by QEMU in {@code /dev/shm} (a folder as {@code mem-path} makes QEMU create a
 * temporary file there and unlink it at once, so nothing is left behind), and QEMU discards the
 * node's pages when it exits. libvirt 9 makes every node a {@code memory-backend-file} under
 * {@code /var/lib/libvirt/qemu/ram/} as soon as one cell has either attribute.
 */
final class NumaBackend {

    static final String DISCARD_FOLDER = "/dev/shm";

    private NumaBackend() {
    }

    static String of(BuildContext ctx, NumaCell cell, int node, long mib) throws UnsupportedConfigurationException {
        Boolean share = cell.getMemAccess() == null ? null : "shared".equals(cell.getMemAccess());
        return MemoryBackendObject.of(ctx, "ram-node" + node, share, cell.getDiscard(), false, mib + "M");
    }
}
