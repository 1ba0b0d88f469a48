package dev.vireo.daemon.lifecycle;

import dev.vireo.command.storage.StoragePlan;
import dev.vireo.conf.model.Domain;
import dev.vireo.daemon.disks.FdSetRegistry;
import dev.vireo.monitor.Monitor;

import java.io.IOException;
import java.util.Map;

/**
 * Reads a running guest's fd-set registry: the sets from QEMU ({@code query-fdsets}, whose notes
 * name image and access), the images and their nodes from the live definition's storage plan.
 *
 * <p>Not from {@code query-named-block-nodes}: QEMU 7.2 died (connection reset, no message) when
 * a restarted daemon sent it while a {@code block-stream} ran (BlockJobRecoveryE2ETest), and a
 * restart is exactly when jobs may run. Nothing is removed here either: a set whose image the
 * live definition lacks may still back a node a job added; whoever deletes a node removes its set.
 */
final class GuestFdSets {

    private GuestFdSets() {
    }

    static FdSetRegistry read(Monitor monitor, Domain live) throws IOException {
        return FdSetRegistry.of(monitor.queryFdsets(), StoragePlan.of(live, Map.of()));
    }
}
