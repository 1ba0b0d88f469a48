package dev.vireo.daemon.lifecycle;

import dev.vireo.daemon.Log;
import dev.vireo.daemon.disks.FdSetRegistry;
import dev.vireo.monitor.Monitor;

import java.io.IOException;

/**
 * Reads a running guest's fd-set registry from its QEMU and removes the sets whose images left
 * the block graph (a node deleted while the daemon was away, or a job that ended): QEMU keeps a
 * set's fds until it is removed, whatever happened to the nodes.
 */
final class GuestFdSets {

    private GuestFdSets() {
    }

    static FdSetRegistry reconcile(Monitor monitor, String domain) throws IOException {
        FdSetRegistry registry = FdSetRegistry.of(monitor.queryFdsets(), monitor.queryNamedBlockNodes());
        for (FdSetRegistry.Held unused : registry.unused()) {
            monitor.removeFd(unused.fdsetId(), null);
            registry = registry.without(unused.fdsetId());
            Log.info("domain " + domain + ": fd set " + unused.fdsetId() + " (image " + unused.imageIndex()
                    + ") removed: no block node uses it");
        }
        return registry;
    }
}
