package dev.vireo.daemon.disks;

import dev.vireo.command.storage.DiskStorage;
import dev.vireo.command.storage.ImageNode;
import dev.vireo.command.storage.StoragePlan;
import dev.vireo.daemon.errors.VireoError;

import java.util.Optional;

/** A disk of a domain's storage plan named as virsh lets users name it. */
public final class PlanDisks {

    private PlanDisks() {
    }

    /** The disk named by its target ({@code vda}) or by its top image's path. */
    public static DiskStorage find(String domain, StoragePlan plan, String name) throws VireoError {
        Optional<DiskStorage> byTarget = plan.disk(name);
        if (byTarget.isPresent()) return byTarget.get();
        for (DiskStorage d : plan.disks()) {
            if (d.top().map(ImageNode::path).filter(name::equals).isPresent()) return d;
        }
        throw VireoError.invalidArgument("invalid path: " + name + ": domain '" + domain
                + "' has no local disk with that target or source (see domblklist)");
    }
}
