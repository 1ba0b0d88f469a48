package dev.vireo.daemon.disks;

import dev.vireo.command.storage.FdSet;
import dev.vireo.daemon.config.QemuIdentity;
import dev.vireo.process.OwnedFd;
import dev.vireo.process.SpawnSpec;
import java.util.List;
import java.util.Map;

/**
 * A start's disks, opened: the fd set of every image by its number (what the command builder
 * renders as {@code -add-fd} and {@code /dev/fdset/N}), and the fds themselves, to be inherited
 * by QEMU (under {@code qemu_user} when configured). Closing it closes the daemon's copies: do so
 * as soon as QEMU has been spawned (or the start failed).
 */
public final class PreparedDisks implements AutoCloseable {

    private final Map<Integer, FdSet> fdSets;
    private final Map<Integer, OwnedFd> inherited;
    private final QemuIdentity identity;

    PreparedDisks(Map<Integer, FdSet> fdSets, Map<Integer, OwnedFd> inherited, QemuIdentity identity) {
        this.fdSets = Map.copyOf(fdSets);
        this.inherited = Map.copyOf(inherited);
        this.identity = identity;
    }

    /** The fd set of each image the daemon opened, by image number; empty when QEMU opens the paths. */
    public Map<Integer, FdSet> fdSets() {
        return fdSets;
    }

    /** Adds the fds QEMU inherits and, when configured, the unprivileged identity it runs as. */
    public SpawnSpec.Builder configure(SpawnSpec.Builder spawn) {
        inherited.forEach(spawn::inherit);
        if (identity != null) {
            spawn.runAs(identity.uid(), identity.gid());
        }
        return spawn;
    }

    /** The child fd numbers QEMU inherits, in ascending order. */
    List<Integer> childFds() {
        return inherited.keySet().stream().sorted().toList();
    }

    @Override
    public void close() {
        inherited.values().forEach(OwnedFd::close);
    }
}
