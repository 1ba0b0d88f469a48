package dev.vireo.daemon.blockjobs;

import dev.vireo.command.storage.ImageNode;
import dev.vireo.daemon.Log;
import dev.vireo.daemon.disks.FdSetRegistry;
import dev.vireo.daemon.disks.LiveImages;
import dev.vireo.daemon.errors.VireoError;
import dev.vireo.daemon.lifecycle.LiveGuest;

import java.util.List;

/**
 * Takes images that a finished job removed from a chain out of QEMU: their nodes
 * ({@link LiveImages#remove}, top-most first, since an upper removed layer still backs onto a
 * lower one; nodes already gone are fine) and then their fd sets, which the live XML no longer
 * names ({@code remove-fd}). May run more than once.
 */
public final class ReleasedImages {

    private ReleasedImages() {
    }

    public static void release(LiveGuest guest, List<Integer> indexes) throws VireoError {
        if (indexes.isEmpty()) return;
        for (int index : indexes) {
            // the image left the live XML: only its number (and so its node names) is known now
            LiveImages.remove(guest.monitor(), new ImageNode(index, "image " + index, false, "qcow2", true, null));
        }
        FdSetRegistry sets = guest.rereadFdSets();
        for (int index : indexes) {
            FdSetRegistry.Held held = sets.forImage(index).orElse(null);
            if (held == null || !held.nodes().isEmpty()) continue;
            guest.qmp("remove-fd " + held.fdsetId(), m -> {
                m.removeFd(held.fdsetId(), null);
                return null;
            });
            Log.info("domain " + guest.name() + ": image " + index + " left the graph; fd set " + held.fdsetId() + " removed");
        }
        guest.rereadFdSets();
    }
}
