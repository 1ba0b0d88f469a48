package dev.vireo.daemon.snapshots;

import dev.vireo.daemon.errors.VireoError;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What merging a snapshot's overlay into its backing image means for the other images and
 * snapshots, offline and live alike: which images sit on the overlay (they must name the base
 * afterwards), the refusal when the base carries another branch, and the snapshots whose saved
 * definition named the overlay.
 */
final class Merges {
    private Merges() {
    }

    /** The images on the overlay and the other images on the base, among {@code candidates} and every image below them. */
    record Neighbours(List<Path> onOverlay, List<Path> onBaseBesideOverlay) {
    }

    static Neighbours neighbours(Path overlay, Path base, List<Path> candidates) throws VireoError {
        Map<Path, Path> backingOf = ImageChains.backingOf(candidates);
        List<Path> onBase = new ArrayList<>();
        List<Path> above = new ArrayList<>();
        for (Map.Entry<Path, Path> link : backingOf.entrySet()) {
            if (link.getValue().equals(base) && !link.getKey().equals(overlay)) onBase.add(link.getKey());
            if (link.getValue().equals(overlay)) above.add(link.getKey());
        }
        return new Neighbours(above, onBase);
    }

    /** Refuses a merge into a base that also carries another image: it would change what that image holds. */
    static void refuseOtherBranch(String snapshot, String dev, Path overlay, Path base, Neighbours n) throws VireoError {
        if (n.onBaseBesideOverlay().isEmpty()) return;
        throw VireoError.wrongState("cannot delete snapshot '" + snapshot + "': its base image " + base + " of disk " + dev
                + " is also the backing image of " + n.onBaseBesideOverlay().getFirst()
                + " (another branch, e.g. after a revert); merging " + overlay + " into it would change what that"
                + " image holds");
    }

    /** Points every image that sat on the merged overlay at the base (header only; relative names stay relative). */
    static void rebaseOnto(List<Path> images, Path overlay, Path base, String baseFormat) throws VireoError {
        for (Path above : images) {
            String oldName = ImageChains.backingName(above).orElse(overlay.toString());
            QemuImg.rebaseUnsafe(above, ImageChains.nameLike(oldName, above, base), baseFormat);
        }
    }

    /** The snapshots taken on the merged overlay now preserve their images in the base: their saved definitions say so. */
    static void moveSavedSources(SnapshotStore store, String domain, String deleted, Path overlay, Path base)
            throws VireoError {
        for (Snapshot other : store.list(domain)) {
            if (other.name().equals(deleted) || other.domainXml() == null) continue;
            String moved = other.domainXml().replace("file='" + overlay + "'", "file='" + base + "'");
            if (!moved.equals(other.domainXml())) {
                store.put(domain, new Snapshot(other.name(), other.description(), other.state(),
                        other.creationTime(), other.parent(), other.disks(), moved), false);
            }
        }
    }
}
