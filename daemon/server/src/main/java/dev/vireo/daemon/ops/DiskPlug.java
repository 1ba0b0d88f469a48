package dev.vireo.daemon.ops;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vireo.command.DiskFrontend;
import dev.vireo.command.storage.BlockdevNodes;
import dev.vireo.command.storage.DiskStorage;
import dev.vireo.command.storage.ImageNode;
import dev.vireo.command.storage.StoragePlan;
import dev.vireo.conf.model.Domain;
import dev.vireo.daemon.disks.FdSetRegistry;
import dev.vireo.daemon.disks.LiveImages;
import dev.vireo.daemon.disks.OpenedImages;
import dev.vireo.daemon.errors.VireoError;
import dev.vireo.daemon.lifecycle.LiveGuest;
import dev.vireo.monitor.BlockNode;
import dev.vireo.monitor.Monitor;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The monitor side of plugging and unplugging a disk's images and guest device on a running
 * guest. Plug: each image the start's walk opened is added bottom-up by {@link LiveImages} (its
 * fd set and its storage and format nodes, rendered by the same storage plan as a start), then
 * the device ({@code device_add}). Unplug: {@code device_del}, a bounded wait for {@code DEVICE_DELETED},
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
        DiskStorage disk;
        try {
            disk = StoragePlan.of(withDisk, Map.of()).disk(dev).orElseThrow();
        } catch (IllegalArgumentException e) {
            throw VireoError.internal("the storage plan of disk '" + dev + "': " + e.getMessage(), e);
        }
        if (images.images().isEmpty()) {
            // QEMU opens the paths itself (pass_disk_fds = 0), or the drive has no medium
            for (Map<String, Object> node : BlockdevNodes.all(disk)) addNode(guest, node, undo);
            return disk;
        }
        Monitor monitor = guest.monitor();
        List<ImageNode> layers = disk.images();
        for (int i = layers.size() - 1; i >= 0; i--) {
            ImageNode layer = layers.get(i);
            OpenedImages.Image opened = images.images().get(i);
            if (opened.index() != layer.index()) {
                throw VireoError.internal("disk '" + dev + "': image " + opened.index() + " was opened where the plan has "
                        + layer.index());
            }
            String backing = i + 1 < layers.size() ? layers.get(i + 1).formatNodeName() : null;
            ImageNode added = LiveImages.add(monitor, new LiveImages.NewImage(layer.index(), Path.of(layer.path()),
                    layer.format(), layer.readOnly()), opened.fd(), disk, backing);
            undo.push("image " + layer.index(), () -> LiveImages.remove(monitor, added));
        }
        if (disk.copyOnRead()) addNode(guest, BlockdevNodes.all(disk).getLast(), undo);
        return disk;
    }

    private static void addNode(LiveGuest guest, Map<String, Object> node, Undo undo) throws VireoError {
        String name = (String) node.get("node-name");
        ObjectNode options = JSON.valueToTree(node);
        guest.qmp("blockdev-add", m -> {
            m.blockdevAdd(options);
            return null;
        });
        undo.push("node " + name, () -> deleteNode(guest, name));
    }

    /** Plugs the guest device; {@code undo} unplugs it again. */
    static void addDevice(LiveGuest guest, DiskFrontend device, Undo undo) throws VireoError {
        guest.qmp("device_add", m -> {
            m.deviceAdd(device.driver(), device.id(), device.properties());
            return null;
        });
        undo.push("device " + device.id(), () -> {
            if (!removeDevice(guest, device.id())) {
                throw VireoError.failed("the guest did not release device '" + device.id() + "' within "
                        + RELEASE_WAIT.toSeconds() + " s");
            }
        });
    }

    /**
     * Asks the guest to release the device and waits (bounded) until QEMU has deleted it.
     *
     * @return whether it was deleted in time; if not, QEMU deletes it once the guest lets go, and
     *         {@link UnpluggedDisks} finishes the removal then
     */
    static boolean removeDevice(LiveGuest guest, String id) throws VireoError {
        return guest.removeDevice(id, RELEASE_WAIT, () -> guest.qmp("device_del", m -> {
            m.deviceDel(id);
            return null;
        }));
    }

    /**
     * Deletes the disk's nodes top-down (a node goes before the nodes it stands on) and removes the
     * fd sets of its images, as QEMU lists them now: what is already gone is skipped, so it can be
     * run again after an interrupted removal.
     */
    static void removeImages(LiveGuest guest, DiskStorage disk) throws VireoError {
        List<String> nodes = new ArrayList<>();
        if (disk.copyOnRead() && !disk.empty()) nodes.add(disk.frontNode().orElseThrow());
        for (ImageNode image : disk.images()) {
            nodes.add(image.formatNodeName());
            nodes.add(image.storageNodeName());
        }
        Set<String> present = guest.qmp("query-named-block-nodes", m -> m.queryNamedBlockNodes()).stream()
                .map(BlockNode::nodeName).collect(Collectors.toSet());
        for (String node : nodes) {
            if (present.contains(node)) deleteNode(guest, node);
        }
        FdSetRegistry sets = FdSetRegistry.of(guest.qmp("query-fdsets", m -> m.queryFdsets()), guest.plan());
        for (ImageNode image : disk.images()) {
            for (FdSetRegistry.Held held : sets.sets().values()) {
                if (held.imageIndex() == image.index()) removeSet(guest, held.fdsetId());
            }
        }
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
