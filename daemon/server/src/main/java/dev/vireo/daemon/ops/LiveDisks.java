package dev.vireo.daemon.ops;

import dev.vireo.conf.model.Disk;
import dev.vireo.conf.model.DiskSource;
import dev.vireo.conf.model.Domain;

import java.util.List;
import java.util.Optional;

/** A definition's disks by target, for the changes block jobs make to them. */
final class LiveDisks {

    private LiveDisks() {
    }

    static Optional<Disk> find(Domain domain, String dev) {
        if (domain == null || domain.getDevices() == null) return Optional.empty();
        List<Disk> disks = domain.getDevices().getDisks();
        return disks.stream().filter(d -> d.getTarget() != null && dev.equals(d.getTarget().getDev())).findFirst();
    }

    /** The disk a job works on; it cannot vanish while the job holds the disk. */
    static Disk require(Domain domain, String dev) {
        return find(domain, dev).orElseThrow(() -> new IllegalStateException("no disk " + dev + " in the definition"));
    }

    /** The disk's local source path (file or block device), or null. */
    static String path(Disk disk) {
        DiskSource s = disk.getSource();
        if (s == null) return null;
        return s.getFile() != null ? s.getFile() : s.getDev();
    }
}
