package dev.vireo.daemon.lifecycle;

import dev.vireo.command.storage.DiskStorage;
import dev.vireo.command.storage.ImageNode;
import dev.vireo.command.storage.StoragePlan;
import dev.vireo.daemon.Log;
import dev.vireo.monitor.MonitorEvent;

import java.util.Map;
import java.util.Optional;

/**
 * QEMU's one-shot BLOCK_WRITE_THRESHOLD, named the way virsh prints it: the disk target for a
 * threshold set on the top as {@code vda}, {@code vda[N]} for one set by index or on a backing
 * layer, with the layer's path. A node no longer in the live chain (the layer left it, e.g. by
 * a commit) gets no event, as with libvirt.
 */
final class WriteThresholds {

    private WriteThresholds() {
    }

    static Optional<EventPayload> crossed(RunningGuest guest, MonitorEvent.BlockWriteThreshold t) {
        StoragePlan plan = StoragePlan.of(guest.entry.live(), Map.of());
        boolean byIndex = guest.thresholdsByIndex.remove(t.nodeName());
        for (DiskStorage disk : plan.disks()) {
            for (ImageNode image : disk.images()) {
                if (!t.nodeName().equals(image.storageNodeName()) && !t.nodeName().equals(image.formatNodeName())) continue;
                boolean top = image == disk.images().getFirst();
                String dev = top && !byIndex ? disk.dev() : disk.dev() + "[" + image.index() + "]";
                return Optional.of(new EventPayload.BlockThreshold(dev, image.path(), t.nodeName(), t.writeThreshold(),
                        t.amountExceeded()));
            }
        }
        Log.info("domain " + guest.entry.name() + ": write threshold of node " + t.nodeName()
                + " crossed, but the node is no longer in a disk's chain: no event");
        return Optional.empty();
    }
}
