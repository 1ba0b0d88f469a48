package dev.vireo.daemon.snapshots;

import dev.vireo.command.storage.ImageNode;
import dev.vireo.command.storage.StoragePlan;
import dev.vireo.conf.XmlProblemsException;
import dev.vireo.conf.model.BackingFormat;
import dev.vireo.conf.model.Disk;
import dev.vireo.conf.model.DiskBackingStore;
import dev.vireo.conf.model.DiskDriver;
import dev.vireo.conf.model.DiskSource;
import dev.vireo.conf.model.DiskType;
import dev.vireo.conf.model.Domain;
import dev.vireo.daemon.Log;
import dev.vireo.daemon.disks.LiveImages;
import dev.vireo.daemon.domain.DefinitionCodec;
import dev.vireo.daemon.domain.DomainEntry;
import dev.vireo.daemon.domain.DomainRegistry;
import dev.vireo.daemon.errors.VireoError;
import dev.vireo.daemon.lifecycle.LiveGuest;
import dev.vireo.monitor.Monitor;
import dev.vireo.monitor.TransactionAction;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Disk-only snapshots on the images themselves: create (offline with qemu-img; live by adding each
 * overlay by fd and switching every disk in one QMP {@code transaction}), redefine, delete
 * (offline: commit the overlay into its backing image, then drop it) and revert (offline: a
 * fresh overlay on the snapshot's images). The caller holds the domain's job slot.
 *
 * <p>Order of work, so that a failure or a crash never loses data: files are created before QEMU
 * sees them and removed on any failure; the definitions change only after the images did; the
 * metadata last. A deleted overlay's file goes only after its data is in its backing image and
 * every image above it names that image.
 */
public final class DiskOnlySnapshots {
    private final DomainRegistry registry;
    private final SnapshotStore store;
    private final DefinitionCodec codec;

    public DiskOnlySnapshots(DomainRegistry registry, SnapshotStore store, DefinitionCodec codec) {
        this.registry = registry;
        this.store = store;
        this.codec = codec;
    }

    public record CreateFlags(boolean diskOnly, boolean reuseExternal, boolean noMetadata, boolean quiesce,
                              boolean redefine, boolean current) {
    }

    public record DeleteFlags(boolean children, boolean childrenOnly, boolean metadataOnly) {
    }

    // ---------------------------------------------------------------------------------- create

    /**
     * Takes a disk-only snapshot of {@code e}: of the running guest when {@code guest} is given,
     * else of the stored definition's images.
     */
    public Snapshot create(DomainEntry e, LiveGuest guest, String xml, CreateFlags flags) throws VireoError {
        if (flags.quiesce()) {
            throw VireoError.unsupported("--quiesce needs a QEMU guest agent in the domain, which vireo does not"
                    + " support yet: take the snapshot without --quiesce");
        }
        Phases phases = new Phases();
        long now = Instant.now().getEpochSecond();
        SnapshotXml.Parsed parsed = SnapshotXml.parse(xml, Long.toString(now), now);
        phases.mark("parse");
        if (!flags.diskOnly() && !"no".equals(parsed.memory())) {
            throw VireoError.unsupported("vireo takes disk-only snapshots only: add --disk-only");
        }
        if (parsed.memory() != null && !parsed.memory().equals("no")) {
            throw VireoError.unsupported("disk-only snapshots cannot save memory (<memory snapshot='"
                    + parsed.memory() + "'>)");
        }
        String name = parsed.snapshot().name();
        checkName(name);
        if (store.get(e.name(), name).isPresent()) {
            throw VireoError.domainExists("domain snapshot " + name + " already exists");
        }
        Domain current = guest != null ? guest.live() : e.persistent();
        if (current == null) throw VireoError.wrongState("domain '" + e.name() + "' has no definition to snapshot");
        OverlayTargets.Selection selection = OverlayTargets.select(current, parsed.snapshot().disks(), name,
                flags.reuseExternal());
        if (guest != null && guest.blockJobs() != null) {
            for (OverlayTargets.Target t : selection.targets()) {
                if (guest.blockJobs().onDisk(t.dev()).isPresent()) {
                    throw VireoError.wrongState("disk '" + t.dev() + "' already in active block job");
                }
            }
        }
        phases.mark("disks");
        String parent = flags.noMetadata() ? null : store.current(e.name()).map(Snapshot::name).orElse(null);
        Snapshot snapshot = new Snapshot(name, parsed.snapshot().description(), guest != null ? "disk-snapshot" : "shutoff",
                now, parent, selection.disks(), codec.format(current));
        phases.mark("saved definition");

        List<Path> created = new ArrayList<>();
        try {
            if (!flags.reuseExternal()) {
                for (OverlayTargets.Target t : selection.targets()) {
                    QemuImg.createOverlay(t.overlay(), t.backingName(), t.top().format(), t.size());
                    created.add(t.overlay());
                }
                phases.mark("qemu-img create");
            }
            if (guest != null) {
                switchLive(guest, selection.targets(), phases);
            } else if (e.isPersistent()) {
                Domain changed = copy(e.persistent());
                for (OverlayTargets.Target t : selection.targets()) onOverlay(changed, t, false, null);
                registry.replaceStored(e, changed);
                phases.mark("definition");
            }
        } catch (VireoError | RuntimeException failure) {
            for (Path p : created.reversed()) removeQuietly(p, failure);
            throw failure;
        }
        if (!flags.noMetadata()) store.put(e.name(), snapshot, true);
        phases.mark("metadata");
        Log.info("domain " + e.name() + ": snapshot '" + name + "' taken " + phases);
        return snapshot;
    }

    /** Where a snapshot's time goes, for the log (scripts/bench-snapshot reads it). */
    private static final class Phases {
        private final long start = System.nanoTime();
        private long last = start;
        private final StringBuilder text = new StringBuilder();

        void mark(String phase) {
            long now = System.nanoTime();
            text.append(text.isEmpty() ? "" : ", ").append(phase).append(' ').append((now - last) / 1_000_000).append(" ms");
            last = now;
        }

        @Override
        public String toString() {
            return "in " + (last - start) / 1_000_000 + " ms (" + text + ")";
        }
    }

    /**
     * Adds every overlay (by fd, {@code backing: null}) and switches all disks in one
     * transaction; on any failure, takes every added node and fd set back. Then the live and
     * stored definitions follow.
     */
    private void switchLive(LiveGuest guest, List<OverlayTargets.Target> targets, Phases phases) throws VireoError {
        StoragePlan plan = guest.plan();
        int next = 1;
        for (var disk : plan.disks()) for (ImageNode i : disk.images()) next = Math.max(next, i.index() + 1);
        for (int id : guest.fdSets().sets().keySet()) next = Math.max(next, id + 1);
        Monitor monitor = guest.monitor();
        List<ImageNode> added = new ArrayList<>();
        List<TransactionAction> actions = new ArrayList<>();
        try {
            for (OverlayTargets.Target t : targets) {
                ImageNode overlay = LiveImages.add(monitor, new LiveImages.NewImage(next++, t.overlay(), "qcow2", false),
                        t.disk(), null);
                added.add(overlay);
                actions.add(new TransactionAction.Snapshot(t.top().formatNodeName(), overlay.formatNodeName()));
            }
            phases.mark("add overlays");
            long switchStart = System.nanoTime();
            guest.qmp("transaction", m -> {
                m.transaction(actions);
                return null;
            });
            // the guest's I/O is drained for the transaction, its CPUs never stop: this is its stall
            Log.info("domain " + guest.name() + ": " + targets.size() + " disk(s) switched to their snapshot overlays"
                    + " in one transaction of " + (System.nanoTime() - switchStart) / 1000 + " us");
            phases.mark("transaction");
        } catch (VireoError | RuntimeException failure) {
            for (ImageNode image : added.reversed()) {
                try {
                    LiveImages.remove(monitor, image);
                } catch (VireoError | RuntimeException cleanup) {
                    failure.addSuppressed(cleanup);
                }
            }
            throw failure;
        }
        // each old top is a backing layer now, with only its O_RDWR fd: a commit that makes it
        // writable must be able to make it read-only again
        for (OverlayTargets.Target t : targets) {
            var held = guest.fdSets().forImage(t.top().index()).orElse(null);
            if (held == null) continue;
            try {
                LiveImages.grantReadOnly(monitor, held, t.top());
            } catch (VireoError e) {
                Log.warn("snapshot of " + guest.name() + ": no read-only fd for " + t.top().path()
                        + "; a commit into it will not be able to make it read-only again", e);
            }
        }
        phases.mark("read-only fds");
        guest.changeLive(d -> {
            for (int i = 0; i < targets.size(); i++) onOverlay(d, targets.get(i), true, added.get(i).index());
        });
        guest.changeStored(d -> {
            for (OverlayTargets.Target t : targets) onOverlay(d, t, true, null);
        });
        phases.mark("definitions");
        try {
            guest.rereadFdSets();
        } catch (VireoError | RuntimeException e) {
            Log.warn("snapshot of " + guest.name() + ": cannot re-read the fd sets", e);
        }
        phases.mark("query-fdsets");
    }

    /**
     * The disk of {@code d} with {@code t}'s target, if its top is still {@code t}'s top, now on
     * the overlay. The live definition keeps the whole old chain under it (with its numbers); the
     * stored one names the old top as a one-level {@code <backingStore>} after a live snapshot and
     * nothing after an offline one, as libvirt writes them.
     *
     * @param index the overlay's image number (live definition), or null
     */
    private static void onOverlay(Domain d, OverlayTargets.Target t, boolean live, Integer index) {
        Disk disk = diskOf(d, t.dev());
        if (disk == null || disk.getSource() == null || !t.top().path().equals(localPath(disk.getType(), disk.getSource()))) {
            return;
        }
        DiskSource old = disk.getSource();
        DiskType oldType = disk.getType() == null ? DiskType.FILE : disk.getType();
        String oldFormat = disk.getDriver() == null || disk.getDriver().getType() == null ? "raw" : disk.getDriver().getType();
        DiskSource overlay = new DiskSource();
        overlay.setFile(t.overlay().toString());
        overlay.setIndex(index);
        if (live) {
            DiskBackingStore below = new DiskBackingStore();
            below.setType(oldType);
            below.setIndex(index == null ? null : old.getIndex());
            BackingFormat format = new BackingFormat();
            format.setType(oldFormat);
            below.setFormat(format);
            old.setIndex(null);
            below.setSource(old);
            below.setBackingStore(index == null ? null : disk.getBackingStore());
            disk.setBackingStore(below);
        } else {
            disk.setBackingStore(null);
        }
        disk.setType(DiskType.FILE);
        disk.setSource(overlay);
        if (disk.getDriver() == null) disk.setDriver(new DiskDriver());
        disk.getDriver().setType("qcow2");
    }

    // -------------------------------------------------------------------------------- redefine

    /** {@code snapshot-create --redefine}: stores the metadata as given; no image is touched. */
    public String redefine(DomainEntry e, String xml, boolean makeCurrent) throws VireoError {
        SnapshotXml.Parsed parsed = SnapshotXml.parse(xml, null, Instant.now().getEpochSecond());
        Snapshot s = parsed.snapshot();
        if (!parsed.named()) throw VireoError.invalidArgument("a redefined snapshot needs a <name>");
        checkName(s.name());
        if (s.parent() != null && store.get(e.name(), s.parent()).isEmpty()) {
            throw VireoError.invalidArgument("parent " + s.parent() + " for snapshot " + s.name() + " not found");
        }
        if (s.parent() != null && (s.parent().equals(s.name())
                || store.descendants(e.name(), s.name()).stream().anyMatch(d -> d.name().equals(s.parent())))) {
            throw VireoError.invalidArgument("parent " + s.parent() + " would create a cycle to " + s.name());
        }
        String domainXml = s.domainXml();
        if (domainXml != null) {
            Domain d = parse(domainXml, "the snapshot's <domain>");
            if (!e.uuid().equalsIgnoreCase(d.getUuid())) {
                throw VireoError.invalidArgument("definition for snapshot " + s.name() + " must use uuid " + e.uuid());
            }
            domainXml = codec.format(d);
        }
        store.put(e.name(), new Snapshot(s.name(), s.description(), s.state() == null ? "shutoff" : s.state(),
                s.creationTime(), s.parent(), s.disks(), domainXml), makeCurrent);
        return s.name();
    }

    // ---------------------------------------------------------------------------------- delete

    /**
     * What deleting {@code s} with {@code flags} deletes, one after the other: its descendants
     * leaves first ({@code --children}, {@code --children-only}), then itself.
     */
    public List<Snapshot> deletionOrder(DomainEntry e, Snapshot s, DeleteFlags flags) throws VireoError {
        if (flags.childrenOnly() && flags.children()) {
            throw VireoError.invalidArgument("--children and --children-only exclude each other");
        }
        List<Snapshot> order = new ArrayList<>();
        if (flags.children() || flags.childrenOnly()) order.addAll(store.descendants(e.name(), s.name()).reversed());
        if (!flags.childrenOnly()) order.add(s);
        return order;
    }

    /** {@code --metadata}: forgets the snapshot; no image is touched. */
    public void deleteMetadata(DomainEntry e, Snapshot s) throws VireoError {
        store.remove(e.name(), s.name());
    }

    /** Deletes a snapshot of a shut-off domain: its overlays are merged into their backing images and removed. */
    public void deleteOffline(DomainEntry e, Snapshot s) throws VireoError {
        new OfflineDelete(e, s).run();
    }

    /** One snapshot's deletion on a shut-off domain: every refusal before any image changes. */
    private final class OfflineDelete {
        private final DomainEntry e;
        private final Snapshot s;

        OfflineDelete(DomainEntry e, Snapshot s) {
            this.e = e;
            this.s = s;
        }

        /** One disk's merge: the overlay, the image it goes into, and the images above it. */
        private record Merge(String dev, Path overlay, Path base, String baseFormat, List<Path> above) {
        }

        void run() throws VireoError {
            List<Merge> merges = new ArrayList<>();
            for (Snapshot.Disk d : s.externalDisks()) merges.add(plan(d));
            for (Merge m : merges) {
                QemuImg.commit(m.overlay());
                Merges.rebaseOnto(m.above(), m.overlay(), m.base(), m.baseFormat());
                if (e.isPersistent()) {
                    Domain changed = copy(e.persistent());
                    Disk disk = diskOf(changed, m.dev());
                    if (disk != null && disk.getSource() != null
                            && m.overlay().toString().equals(localPath(disk.getType(), disk.getSource()))) {
                        DiskSource base = new DiskSource();
                        base.setFile(m.base().toString());
                        disk.setSource(base);
                        disk.setType(DiskType.FILE);
                        disk.setBackingStore(null);
                        if (disk.getDriver() == null) disk.setDriver(new DiskDriver());
                        disk.getDriver().setType(m.baseFormat());
                        registry.replaceStored(e, changed);
                    }
                }
                Merges.moveSavedSources(store, e.name(), s.name(), m.overlay(), m.base());
                try {
                    Files.deleteIfExists(m.overlay());
                } catch (IOException ex) {
                    throw VireoError.failed("merged " + m.overlay() + " into " + m.base() + " but cannot remove it: "
                            + ex.getMessage(), ex);
                }
            }
            store.remove(e.name(), s.name());
        }

        private Merge plan(Snapshot.Disk d) throws VireoError {
            Path overlay = Path.of(d.source()).toAbsolutePath().normalize();
            String what = "cannot delete snapshot '" + s.name() + "'";
            if (!Files.isRegularFile(overlay)) {
                throw VireoError.failed(what + ": its overlay " + overlay + " of disk " + d.name()
                        + " is missing; add --metadata to drop only the metadata");
            }
            ImageChains.Layer layer = ImageChains.read(overlay);
            if (layer.backing() == null || layer.backingFormat() == null) {
                throw VireoError.failed(what + ": its overlay " + overlay + " of disk " + d.name()
                        + " names no backing image (with its format) to merge into");
            }
            Path base = layer.backing();
            Merges.Neighbours n = Merges.neighbours(overlay, base, candidates(e, d.name(), List.of(overlay, base)));
            Merges.refuseOtherBranch(s.name(), d.name(), overlay, base, n);
            return new Merge(d.name(), overlay, base, layer.backingFormat(), n.onOverlay());
        }
    }

    /**
     * Every image that may sit on a snapshot's overlay or its base: the disk's stored top, every
     * snapshot's overlay, and (an earlier revert's overlay, which vireo no longer tracks, most
     * likely sits beside them) the qcow2 images in the folders of {@code beside}.
     */
    List<Path> candidates(DomainEntry e, String dev, List<Path> beside) {
        List<Path> out = new ArrayList<>();
        Domain stored = e.persistent();
        Disk disk = stored == null ? null : diskOf(stored, dev);
        if (disk != null && disk.getSource() != null) {
            String top = localPath(disk.getType(), disk.getSource());
            if (top != null) out.add(Path.of(top));
        }
        for (Snapshot other : store.list(e.name())) {
            other.disk(dev).filter(Snapshot.Disk::external).map(Snapshot.Disk::source).map(Path::of).ifPresent(out::add);
        }
        out.addAll(ImageChains.qcow2Beside(beside));
        return out;
    }

    // ---------------------------------------------------------------------------------- revert

    /**
     * Makes the stored definition the snapshot's again, each snapshotted disk on a fresh overlay
     * over the image the snapshot preserved; the abandoned branch stays on disk.
     */
    public void revert(DomainEntry e, Snapshot s) throws VireoError {
        if (!e.isPersistent()) throw VireoError.wrongState("cannot revert transient domain '" + e.name() + "'");
        if (s.domainXml() == null) {
            throw VireoError.invalidArgument("snapshot '" + s.name() + "' holds no domain definition to revert to");
        }
        Domain d = parse(s.domainXml(), "the definition stored with snapshot '" + s.name() + "'");
        long now = Instant.now().getEpochSecond();
        List<Path> created = new ArrayList<>();
        try {
            for (Snapshot.Disk sd : s.externalDisks()) {
                Disk disk = diskOf(d, sd.name());
                String preserved = disk == null || disk.getSource() == null ? null : localPath(disk.getType(), disk.getSource());
                if (preserved == null || !Files.exists(Path.of(preserved))) {
                    throw VireoError.failed("cannot revert to snapshot '" + s.name() + "': the image of disk " + sd.name()
                            + " it preserved" + (preserved == null ? "" : ", " + preserved + ",") + " is missing");
                }
                String format = disk.getDriver() == null || disk.getDriver().getType() == null ? "raw" : disk.getDriver().getType();
                Path base = Path.of(preserved);
                Path overlay = freshOverlay(base, now);
                ImageNode baseNode = new ImageNode(1, preserved, disk.getType() == DiskType.BLOCK, format, true, null);
                QemuImg.createOverlay(overlay, OverlayTargets.backingName(overlay, baseNode), format,
                        ImageChains.virtualSize(base, format));
                created.add(overlay);
                DiskSource source = new DiskSource();
                source.setFile(overlay.toString());
                disk.setSource(source);
                disk.setType(DiskType.FILE);
                disk.setBackingStore(null);
                if (disk.getDriver() == null) disk.setDriver(new DiskDriver());
                disk.getDriver().setType("qcow2");
            }
            if (!e.uuid().equalsIgnoreCase(d.getUuid()) || !e.name().equals(d.getName())) {
                throw VireoError.failed("snapshot '" + s.name() + "' holds a definition of another domain");
            }
            registry.replaceStored(e, d);
        } catch (VireoError | RuntimeException failure) {
            for (Path p : created.reversed()) removeQuietly(p, failure);
            throw failure;
        }
        store.setCurrent(e.name(), s.name());
    }

    /** {@code BASE-without-extension.SECONDS}, like a default snapshot overlay, never an existing file. */
    private static Path freshOverlay(Path base, long now) {
        String path = base.toString();
        int dot = path.lastIndexOf('.');
        if (dot > path.lastIndexOf('/')) path = path.substring(0, dot);
        Path candidate = Path.of(path + "." + now);
        for (int n = 1; Files.exists(candidate); n++) candidate = Path.of(path + "." + now + "-" + n);
        return candidate;
    }

    // ---------------------------------------------------------------------------------- helpers

    private static void checkName(String name) throws VireoError {
        if (name.equals(".") || name.equals("..") || name.startsWith(".tmp-")) {
            throw VireoError.invalidArgument("invalid snapshot name '" + name + "': '.', '..' and names starting"
                    + " with '.tmp-' are reserved");
        }
    }

    private Domain copy(Domain d) throws VireoError {
        return parse(codec.format(d), "the stored definition");
    }

    private Domain parse(String xml, String what) throws VireoError {
        try {
            return codec.parse(xml);
        } catch (XmlProblemsException ex) {
            throw VireoError.invalidDefinition(what + ": " + ex.getMessage());
        }
    }

    static Disk diskOf(Domain d, String dev) {
        if (d.getDevices() == null) return null;
        for (Disk disk : d.getDevices().getDisks()) {
            if (disk.getTarget() != null && dev.equals(disk.getTarget().getDev())) return disk;
        }
        return null;
    }

    static String localPath(DiskType type, DiskSource source) {
        return switch (type == null ? DiskType.FILE : type) {
            case FILE -> source.getFile();
            case BLOCK -> source.getDev();
            default -> null;
        };
    }

    private static void removeQuietly(Path file, Exception failure) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException cleanup) {
            failure.addSuppressed(cleanup);
            Log.warn("cannot remove " + file + " after a failed snapshot", cleanup);
        }
    }
}
