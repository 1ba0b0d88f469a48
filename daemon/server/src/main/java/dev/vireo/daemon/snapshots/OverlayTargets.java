package dev.vireo.daemon.snapshots;

import dev.vireo.command.storage.DiskStorage;
import dev.vireo.command.storage.ImageNode;
import dev.vireo.command.storage.StoragePlan;
import dev.vireo.conf.model.Disk;
import dev.vireo.conf.model.DiskDevice;
import dev.vireo.conf.model.DiskSnapshot;
import dev.vireo.conf.model.Domain;
import dev.vireo.daemon.errors.VireoError;
import dev.vireo.storage.ImageFormat;
import dev.vireo.storage.ImageInfo;
import dev.vireo.storage.StorageException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which disks a disk-only snapshot takes and where each overlay goes, decided before anything is
 * created (libvirt's rules): a disk the request names takes what the request says; any other disk
 * is taken unless it is read-only, a CD-ROM, its definition says {@code snapshot='no'}, or it has
 * no local image. Every refusal names the disk.
 */
public final class OverlayTargets {

    private OverlayTargets() {
    }

    /**
     * One disk to snapshot.
     *
     * @param disk        the disk's plan; its top image is what the overlay goes on
     * @param overlay     the new (or, with reuse, existing) overlay file
     * @param backingName what the overlay's header names as its backing image
     * @param size        the overlay's virtual size (the top's)
     */
    public record Target(DiskStorage disk, Path overlay, String backingName, long size) {
        public String dev() {
            return disk.dev();
        }

        public ImageNode top() {
            return disk.top().orElseThrow();
        }
    }

    /**
     * @param domain   the definition the snapshot is taken of (the live one for a running guest)
     * @param request  the parsed request's disks (empty: every disk by default)
     * @param name     the snapshot's name, for default overlay names
     * @param reuse    {@code --reuse-external}: the overlays exist and already name the disks' images
     * @return the disks to snapshot and the full disk list for the metadata, in document order
     */
    public static Selection select(Domain domain, List<Snapshot.Disk> request, String name, boolean reuse) throws VireoError {
        StoragePlan plan = StoragePlan.of(domain, Map.of());
        List<Disk> all = domain.getDevices() == null ? List.of() : domain.getDevices().getDisks();
        Map<String, Snapshot.Disk> asked = new LinkedHashMap<>();
        for (Snapshot.Disk d : request) {
            Disk disk = find(all, plan, d.name());
            String dev = disk.getTarget().getDev();
            if (asked.containsKey(dev)) throw VireoError.invalidArgument("disk '" + dev + "' specified twice");
            asked.put(dev, d);
        }
        List<Target> targets = new ArrayList<>();
        List<Snapshot.Disk> recorded = new ArrayList<>();
        Map<Path, String> overlays = new HashMap<>();
        for (Disk disk : all) {
            if (disk.getTarget() == null) continue;
            String dev = disk.getTarget().getDev();
            Snapshot.Disk spec = asked.get(dev);
            DiskStorage storage = plan.disk(dev).filter(s -> !s.empty()).orElse(null);
            String mode = spec != null && spec.snapshot() != null ? spec.snapshot() : defaultMode(disk, storage);
            if (mode.equals("internal")) {
                throw VireoError.unsupported("disk '" + dev + "': internal snapshots are not supported; vireo takes disk-only"
                        + " (external) snapshots");
            }
            if (mode.equals("no")) {
                recorded.add(new Snapshot.Disk(dev, "no", null, null, null));
                continue;
            }
            if (storage == null) {
                throw VireoError.unsupported("disk '" + dev + "' has no local image: vireo takes snapshots of file and"
                        + " block disks only");
            }
            if (spec != null && "block".equals(spec.sourceType())) {
                throw VireoError.unsupported("disk '" + dev + "': vireo creates snapshot overlays as files only, not on"
                        + " block devices (type='block')");
            }
            String format = spec == null || spec.format() == null ? "qcow2" : spec.format();
            if (!format.equals("qcow2")) {
                throw VireoError.unsupported("external snapshot format for disk " + dev + " is unsupported: " + format);
            }
            ImageNode top = storage.top().orElseThrow();
            Path overlay = spec != null && spec.source() != null ? Path.of(spec.source()) : defaultOverlay(dev, top, name);
            String other = overlays.putIfAbsent(overlay, dev);
            if (other != null) {
                throw VireoError.invalidArgument("cannot generate external snapshot name for disk '" + dev
                        + "': collision with disk '" + other + "'");
            }
            for (ImageNode image : storage.images()) {
                if (Path.of(image.path()).equals(overlay)) {
                    throw VireoError.invalidArgument("external snapshot file for disk " + dev + " is an image of its own"
                            + " chain: " + overlay);
                }
            }
            long size = size(dev, top);
            checkFile(dev, overlay, top, size, reuse);
            targets.add(new Target(storage, overlay, backingName(overlay, top), size));
            recorded.add(new Snapshot.Disk(dev, "external", "file", format, overlay.toString()));
        }
        if (targets.isEmpty()) {
            throw VireoError.invalidArgument("disk-only snapshots require at least one disk to be selected for snapshot");
        }
        return new Selection(targets, recorded);
    }

    /** The disks to snapshot and every disk's line in the metadata. */
    public record Selection(List<Target> targets, List<Snapshot.Disk> disks) {
    }

    private static Disk find(List<Disk> all, StoragePlan plan, String name) throws VireoError {
        for (Disk d : all) {
            if (d.getTarget() != null && name.equals(d.getTarget().getDev())) return d;
        }
        for (Disk d : all) {
            if (d.getTarget() == null) continue;
            DiskStorage s = plan.disk(d.getTarget().getDev()).orElse(null);
            if (s != null && s.top().isPresent() && s.top().get().path().equals(name)) return d;
        }
        throw VireoError.invalidArgument("no disk named '" + name + "'");
    }

    private static String defaultMode(Disk disk, DiskStorage storage) {
        if (disk.getSnapshot() != null) {
            String declared = disk.getSnapshot().xml();
            if (declared.equals("no") || declared.equals("internal") || declared.equals("external")) return declared;
        }
        if (disk.isReadonly() || disk.getDevice() == DiskDevice.CDROM || storage == null) return "no";
        return "external";
    }

    /**
     * libvirt's name: the top image's path without its extension, then a dot and the snapshot's
     * name ({@code /img/top.qcow2} becomes {@code /img/top.NAME}); only for files.
     */
    static Path defaultOverlay(String dev, ImageNode top, String name) throws VireoError {
        if (top.hostDevice()) {
            throw VireoError.invalidArgument("cannot generate external snapshot name for disk '" + dev
                    + "' on a 'block' device");
        }
        String path = top.path();
        int dot = path.lastIndexOf('.');
        if (dot > path.lastIndexOf('/')) path = path.substring(0, dot);
        return Path.of(path + "." + name);
    }

    /**
     * Without reuse: the overlay must not exist (or be an empty file). With {@code --reuse-external}:
     * it must be a qcow2 image of the disk's size whose header names the disk's top image (by any
     * path that resolves to it) with the top's format, as the next start reads the chain from it.
     */
    private static void checkFile(String dev, Path overlay, ImageNode top, long size, boolean reuse) throws VireoError {
        if (!reuse) {
            try {
                if (Files.exists(overlay) && (!Files.isRegularFile(overlay) || Files.size(overlay) > 0)) {
                    throw VireoError.invalidArgument("external snapshot file for disk " + dev
                            + " already exists and is not a block device: " + overlay);
                }
            } catch (IOException e) {
                throw VireoError.failed("cannot look at " + overlay + ": " + e.getMessage(), e);
            }
            return;
        }
        if (!Files.exists(overlay)) throw VireoError.invalidArgument("missing existing file for disk " + dev + ": " + overlay);
        if (!Files.isRegularFile(overlay)) {
            throw VireoError.unsupported("existing file for disk " + dev + " is not a regular file: " + overlay
                    + " (vireo takes snapshot overlays as files only)");
        }
        ImageInfo info;
        try {
            info = ImageInfo.read(overlay, ImageFormat.QCOW2);
        } catch (StorageException e) {
            throw VireoError.invalidArgument("existing file for disk " + dev + " is not a qcow2 image: " + overlay + ": "
                    + e.getMessage());
        }
        String backing = info.fullBackingFilename().orElse(null);
        if (backing == null || !Path.of(backing).toAbsolutePath().normalize().equals(Path.of(top.path()).toAbsolutePath().normalize())) {
            throw VireoError.invalidArgument("existing file " + overlay + " for disk " + dev + " has backing file "
                    + (backing == null ? "none" : "'" + backing + "'") + ", not the disk's image " + top.path());
        }
        String format = info.backingFormat().orElse(null);
        if (!top.format().equals(format)) {
            throw VireoError.invalidArgument("existing file " + overlay + " for disk " + dev + " records "
                    + (format == null ? "no backing format" : "backing format '" + format + "'") + ", not the disk's image"
                    + " format '" + top.format() + "'; fix it with: qemu-img rebase -u -F " + top.format() + " -b "
                    + info.backingFilename().orElse(top.path()) + " " + overlay);
        }
        long overlaySize = info.virtualSize().orElse(-1);
        if (overlaySize != size) {
            throw VireoError.invalidArgument("existing file " + overlay + " for disk " + dev + " has virtual size "
                    + overlaySize + " bytes, not the disk's " + size);
        }
    }

    /**
     * The top's real path, relative to the overlay's folder when the top names its own backing
     * image relatively (a chain kept relative stays relative), else absolute.
     */
    static String backingName(Path overlay, ImageNode top) {
        return backingName(overlay, Path.of(top.path()), top.format(), top.hostDevice());
    }

    static String backingName(Path overlay, Path topPath, String topFormat, boolean hostDevice) {
        ImageFormat format = ImageFormat.forName(topFormat).orElse(null);
        if (format != null && !hostDevice) {
            try {
                String name = ImageInfo.read(topPath, format).backingFilename().orElse(null);
                if (name != null && !name.startsWith("/") && !name.contains(":") && overlay.getParent() != null) {
                    return overlay.getParent().toAbsolutePath().relativize(topPath.toAbsolutePath()).toString();
                }
            } catch (StorageException e) {
                // unreadable header: the absolute path is always right
            }
        }
        return topPath.toString();
    }

    private static long size(String dev, ImageNode top) throws VireoError {
        Path path = Path.of(top.path());
        try {
            ImageFormat format = ImageFormat.forName(top.format()).orElseThrow(() -> VireoError.unsupported(
                    "disk '" + dev + "': the daemon cannot read images of format '" + top.format() + "'"));
            ImageInfo info = ImageInfo.read(path, format);
            return info.virtualSize().isPresent() ? info.virtualSize().getAsLong() : Files.size(path);
        } catch (StorageException | IOException e) {
            throw VireoError.failed("disk '" + dev + "': cannot read " + path + ": " + e.getMessage(), e);
        }
    }
}
