package dev.vireo.daemon.ops;

import dev.vireo.command.storage.ImageIndexes;
import dev.vireo.daemon.disks.FdSetRegistry;
import dev.vireo.daemon.errors.VireoError;
import dev.vireo.daemon.lifecycle.LiveGuest;

/**
 * The number a new image of a running guest gets (a copy's or a backup's target): above every
 * number of the live definition ({@link ImageIndexes#next}, a running copy's target included) and
 * above every fd set QEMU lists. The second matters because {@code LiveImages} passes image N in
 * fd set N, and a set removed while the guest is paused stays listed with its old fd until the
 * guest runs again (QEMU 7.2): a new image joining that set could be opened through the old fd.
 * A backup's targets, which no definition names, are found the same way.
 */
final class NewImageIndex {

    private NewImageIndex() {
    }

    static int next(LiveGuest guest) throws VireoError {
        int next = ImageIndexes.next(guest.live());
        FdSetRegistry sets = guest.rereadFdSets();
        for (FdSetRegistry.Held h : sets.sets().values()) next = Math.max(next, Math.max(h.imageIndex(), h.fdsetId()) + 1);
        for (int foreign : sets.foreign()) next = Math.max(next, foreign + 1);
        return next;
    }
}
