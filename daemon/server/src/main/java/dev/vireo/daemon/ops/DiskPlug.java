package dev.vireo.daemon.ops;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vireo.command.DiskFrontend;
import dev.vireo.command.storage.BlockdevNodes;
import dev.vireo.command.storage.DiskStorage;
import dev.vireo.command.storage.FdSet;
import dev.vireo.command.storage.ImageNode;
import dev.vireo.command.storage.PassedFd;
import dev.vireo.command.storage.StoragePlan;
import dev.vireo.conf.model.Domain;
import dev.vireo.daemon.disks.FdSetRegistry;
import dev.vireo.daemon.disks.OpenedImages;
import dev.vireo.daemon.errors.VireoError;
import dev.vireo.daemon.lifecycle.LiveGuest;
import dev.vireo.monitor.AddedFd;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The monitor side of plugging and unplugging a disk's images and guest device on a running
 * guest. Plug: each opened image goes to QEMU as an fd set of its own ({@code add-fd}, the set
 * number QEMU's choice, the note naming the image), the disk's nodes are added bottom-up
 * ({@code blockdev-add}, rendered by the same storage plan as a start), then the device
 * ({@code device_add}). Unplug: {@code device_del}, a bounded wait for {@code DEVICE_DELETED},
 * then the nodes top-down ({@code blockdev-del}) and their fd sets ({@code remove-fd}).
 */
final class DiskPlug {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** How long a guest gets to release a disk (TCG guests are slow). */
    static final Duration RELEASE_WAIT = Duration.ofSeconds(30);

    private DiskPlug() {
    }

    /**
     * Adds the fd sets and nodes of disk {@code dev} of {@code withDisk} (a copy of the live
     * definition holding it, image numbers assigned); what was added is taken back by {@code undo}.
     *
     * @return the disk's nodes, as added
     */
    static DiskStorage addImages(LiveGuest guest, Domain withDisk, String dev, OpenedImages images, Undo undo)
            throws VireoError {
        Map<Integer, FdSet> sets = new LinkedHashMap<>();
        for (OpenedImages.Image image : images.images()) {
            AddedFd added = guest.qmp("add-fd", m -> m.addFd(image.fd().fd(), null, image.note().text()));
            undo.push("fd set " + added.fdsetId(), () -> removeSet(guest, added.fdsetId()));
            sets.put(image.index(), new FdSet(added.fdsetId(), List.of(new PassedFd(image.fd().fd(), image.note().text()))));
        }
        DiskStorage disk;
        try {
            disk = StoragePlan.of(withDisk, sets).disk(dev).orElseThrow();
        } catch (IllegalArgumentException e) {
            throw VireoError.internal("the storage plan of disk '" + dev + "': " + e.getMessage(), e);
        }
        for (Map<String, Object> node : BlockdevNodes.all(disk)) {
            String name = (String) node.get("node-name");
            ObjectNode options = JSON.valueToTree(node);
            guest.qmp("blockdev-add", m -> {
                m.blockdevAdd(options);
                return null;
            });
            undo.push("node " + name, () -> deleteNode(guest, name));
        }
        return disk;
    }

    /** Plugs the guest device; {@code undo} unplugs it again. */
    static void addDevice(LiveGuest guest, DiskFrontend device, Undo undo) throws VireoError {
        guest.qmp("device_add", m -> {
            m.deviceAdd(device.driver(), device.id(), device.properties());
            return null;
        });
        undo.push("device " + device.id(), () -> removeDevice(guest, device.id(), "the disk"));
    }

    /**
     * Asks the guest to release the device and waits (bounded) until QEMU has deleted it.
     *
     * @param what the disk, for the message when the guest does not let go
     */
    static void removeDevice(LiveGuest guest, String id, String what) throws VireoError {
        boolean gone = guest.removeDevice(id, RELEASE_WAIT, () -> guest.qmp("device_del", m -> {
            m.deviceDel(id);
            return null;
        }));
        if (!gone) {
            throw VireoError.failed("the guest did not release " + what + " (device '" + id + "') within "
                    + RELEASE_WAIT.toSeconds() + " s; QEMU removes the device once the guest does, and the disk "
                    + "stays in the definition until detach is run again");
        }
    }

    /**
     * Deletes the disk's nodes top-down (a node goes before the nodes it stands on) and removes the
     * fd sets of its images, as the fd-set registry finds them now.
     */
    static void removeImages(LiveGuest guest, DiskStorage disk) throws VireoError {
        List<String> nodes = new ArrayList<>();
        if (disk.copyOnRead() && !disk.empty()) nodes.add(disk.frontNode().orElseThrow());
        for (ImageNode image : disk.images()) {
            nodes.add(image.formatNodeName());
            nodes.add(image.storageNodeName());
        }
        for (String node : nodes) deleteNode(guest, node);
        FdSetRegistry sets = FdSetRegistry.of(guest.qmp("query-fdsets", m -> m.queryFdsets()), guest.plan());
        for (ImageNode image : disk.images()) {
            for (FdSetRegistry.Held held : sets.sets().values()) {
                if (held.imageIndex() == image.index()) removeSet(guest, held.fdsetId());
            }
        }
    }

    /** Re-reads which fd set holds which image after the images changed. */
    static void refreshFdSets(LiveGuest guest) throws VireoError {
        guest.fdSets(FdSetRegistry.of(guest.qmp("query-fdsets", m -> m.queryFdsets()), guest.plan()));
    }

    private static void deleteNode(LiveGuest guest, String node) throws VireoError {
        guest.qmp("blockdev-del", m -> {
            m.blockdevDel(node);
            return null;
        });
    }

    private static void removeSet(LiveGuest guest, int fdsetId) throws VireoError {
        guest.qmp("remove-fd", m -> {
            m.removeFd(fdsetId, null);
            return null;
        });
    }
}
