package dev.vireo.daemon.disks;

import dev.vireo.command.storage.DiskStorage;
import dev.vireo.daemon.errors.VireoError;
import dev.vireo.monitor.BlockDevice;

import java.util.List;
import java.util.Optional;

/**
 * A disk's guest device as {@code query-block} reports it: the entry whose medium's top node is the
 * node the device is attached to in the storage plan. Its {@code qdev} names the device for
 * {@code block_set_io_throttle}; its io-status tells whether an I/O error stopped it.
 */
public final class BlockBackends {

    private BlockBackends() {
    }

    /** The device of {@code disk}; empty for a drive without a medium. */
    public static Optional<BlockDevice> of(DiskStorage disk, List<BlockDevice> devices) throws VireoError {
        Optional<String> front = disk.frontNode();
        if (front.isEmpty()) return Optional.empty();
        for (BlockDevice d : devices) {
            if (d.inserted() != null && front.get().equals(d.inserted().nodeName())) return Optional.of(d);
        }
        throw VireoError.failed("QEMU reports no device for disk '" + disk.dev() + "' (node " + front.get()
                + "); its block graph differs from the live definition");
    }
}
