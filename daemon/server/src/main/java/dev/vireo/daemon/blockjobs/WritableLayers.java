package dev.vireo.daemon.blockjobs;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vireo.command.storage.BlockdevNodes;
import dev.vireo.command.storage.DiskStorage;
import dev.vireo.command.storage.FdSet;
import dev.vireo.command.storage.FdSetNote;
import dev.vireo.command.storage.ImageNode;
import dev.vireo.command.storage.PassedFd;
import dev.vireo.daemon.Json;
import dev.vireo.daemon.disks.FdSetRegistry;
import dev.vireo.daemon.disks.LiveImages;
import dev.vireo.daemon.errors.VireoError;
import dev.vireo.daemon.lifecycle.LiveGuest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Switches backing layers of a running disk between read-only and read-write, as a commit needs
 * for its base and for the overlay above its top. Under {@code -blockdev} QEMU does not reopen an
 * explicitly read-only node by itself ({@code block-commit} answers "Block node is read-only"),
 * so the daemon grants the O_RDWR fd ({@link LiveImages#grantWrite}) and reopens both nodes of
 * the image ({@code blockdev-reopen}) with the options the storage plan renders at start, only
 * {@code read-only} changed.
 */
final class WritableLayers {

    private WritableLayers() {
    }

    /** Makes the images writable (those already writable are left as they are). */
    static void makeWritable(LiveGuest guest, DiskStorage disk, List<ImageNode> images) throws VireoError {
        FdSetRegistry sets = guest.rereadFdSets();
        for (ImageNode image : images) {
            if (!image.readOnly()) continue;
            FdSetRegistry.Held held = sets.forImage(image.index()).orElse(null);
            if (held != null) LiveImages.grantWrite(guest.monitor(), held, image);
        }
        sets = guest.rereadFdSets();
        for (ImageNode image : images) {
            if (image.readOnly()) reopen(guest, disk, image, false, sets);
        }
    }

    /** Makes the images (backing layers again) read-only; images that left the chain are skipped. */
    static void makeReadOnly(LiveGuest guest, DiskStorage disk, List<Integer> indexes) throws VireoError {
        FdSetRegistry sets = guest.rereadFdSets();
        for (int index : indexes) {
            ImageNode image = disk.image(index).orElse(null);
            if (image == null) continue;
            reopen(guest, disk, image, true, sets);
        }
    }

    private static void reopen(LiveGuest guest, DiskStorage disk, ImageNode image, boolean readOnly, FdSetRegistry sets)
            throws VireoError {
        FdSetRegistry.Held held = sets.forImage(image.index()).orElse(null);
        // the set as the storage node opens it (/dev/fdset/N); its fds are QEMU's already
        FdSet set = held == null ? null
                : new FdSet(held.fdsetId(), List.of(new PassedFd(3, new FdSetNote(image.index(), !readOnly).text())));
        ImageNode changed = new ImageNode(image.index(), image.path(), image.hostDevice(), image.format(), readOnly, set);
        int pos = disk.images().indexOf(image);
        String backing = pos + 1 < disk.images().size() ? disk.images().get(pos + 1).formatNodeName() : null;
        List<ObjectNode> options = new ArrayList<>();
        for (Map<String, Object> node : BlockdevNodes.forAdd(changed, disk, backing)) options.add(Json.MAPPER.valueToTree(node));
        guest.qmp("blockdev-reopen of " + image.formatNodeName() + (readOnly ? " read-only" : " read-write"), m -> {
            m.blockdevReopen(options);
            return null;
        });
    }
}
