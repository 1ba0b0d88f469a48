package dev.vireo.daemon.snapshots;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One disk-only snapshot as its metadata records it (libvirt's {@code <domainsnapshot>}).
 *
 * @param name         unique within the domain
 * @param description  free text, or null
 * @param state        {@code disk-snapshot} when taken of a running guest, {@code shutoff} otherwise
 * @param creationTime seconds since the epoch
 * @param parent       the snapshot that was current when this one was taken, or null for a root
 * @param disks        every disk of the domain: external ones with their overlay, the others {@code no}
 * @param domainXml    the domain's definition at the time (inactive XML, sources = the images the
 *                     snapshot preserves), or null when the metadata was redefined without one
 */
public record Snapshot(String name, String description, String state, long creationTime, String parent,
                       List<Disk> disks, String domainXml) {

    public Snapshot {
        Objects.requireNonNull(name, "name");
        disks = List.copyOf(disks);
    }

    /**
     * One disk of the snapshot.
     *
     * @param name       the disk's target ({@code vda})
     * @param snapshot   {@code external} or {@code no}
     * @param sourceType {@code file} or {@code block} for an external disk, else null
     * @param format     the overlay's format ({@code qcow2}) for an external disk, else null
     * @param source     the overlay made by the snapshot (what the disk wrote to afterwards), else null
     */
    public record Disk(String name, String snapshot, String sourceType, String format, String source) {
        public boolean external() {
            return "external".equals(snapshot);
        }
    }

    /** The snapshot's external disks (overlays). */
    public List<Disk> externalDisks() {
        return disks.stream().filter(Disk::external).toList();
    }

    public Optional<Disk> disk(String target) {
        return disks.stream().filter(d -> d.name().equals(target)).findFirst();
    }

    public Snapshot withParent(String newParent) {
        return new Snapshot(name, description, state, creationTime, newParent, disks, domainXml);
    }
}
