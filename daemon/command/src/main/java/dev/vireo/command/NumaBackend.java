package dev.vireo.command;

import dev.vireo.conf.model.NumaCell;

/**
 * The memory backend of one NUMA node ({@code ram-nodeN}) for QEMU 5.1 and later. A plain cell is
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

    static String of(NumaCell cell, int node, long mib) {
        String id = "ram-node" + node;
        String share = cell.getMemAccess() == null ? "" : ",share=" + ("shared".equals(cell.getMemAccess()) ? "on" : "off");
        if (Boolean.TRUE.equals(cell.getDiscard())) {
            return "memory-backend-file,id=" + id + ",mem-path=" + DISCARD_FOLDER + ",discard-data=on" + share + ",size=" + mib + "M";
        }
        if (cell.getMemAccess() != null) {
            return "memory-backend-memfd,id=" + id + share + ",size=" + mib + "M";
        }
        return "memory-backend-ram,id=" + id + ",size=" + mib + "M";
    }
}
