package dev.vireo.daemon.blockjobs;

import dev.vireo.command.storage.DiskStorage;
import dev.vireo.command.storage.ImageNode;
import dev.vireo.conf.model.Disk;
import dev.vireo.conf.model.DiskBackingStore;
import dev.vireo.daemon.Log;
import dev.vireo.daemon.disks.FdSetRegistry;
import dev.vireo.daemon.disks.LiveImages;
import dev.vireo.daemon.errors.VireoError;
import dev.vireo.daemon.lifecycle.JobConclusion;
import dev.vireo.daemon.lifecycle.LiveGuest;
import dev.vireo.jobs.BlockJob;
import dev.vireo.jobs.BlockJobKind;
import dev.vireo.jobs.BlockJobOutcome;
import dev.vireo.monitor.BlockCommit;
import dev.vireo.monitor.JobOptions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code blockcommit}: {@code block-commit} of the layers from {@code top} down to above
 * {@code base} into the base.
 *
 * <p>Before the job QEMU gets an O_RDWR fd for the base and for the overlay above top
 * ({@link LiveImages#grantWrite}): QEMU reopens both read-write, the overlay to write the base's
 * name into its header at the end, and QEMU 7.2 dies with SIGSEGV when that reopen fails (research
 * §0.3). The overlay is told the base's real path ({@code backing-file}), never left to QEMU.
 *
 * <p>A commit of the active layer (top = the disk's top image) is two-phase: READY, then a pivot
 * ({@code blockjob --pivot}: the base becomes the disk's top image) or an abort (the top stays;
 * {@code --keep-overlay}). On completion the committed layers leave the live XML (images keep
 * their indexes), the stored definition follows where it lists the same chain (for an active
 * commit: its source becomes the base), the nodes and fd sets of the committed layers leave QEMU
 * after the job's dismissal, and with {@code --delete} their files are deleted.
 *
 * <p>{@link #start} is public for snapshot deletion, which commits a snapshot's overlay.
 */
public final class BlockCommitJob {
    static final String TOP = "top";
    static final String BASE = "base";
    static final String OVERLAY = "overlay";
    static final String REMOVED = "removed";
    static final String DELETE = "delete";
    /** The images made writable for the job, read-only again after it (unless one became the disk's top). */
    static final String REOPENED = "reopened";

    /**
     * What to commit.
     *
     * @param top       the layer to commit from (path or {@code vda[N]}), null for the disk's top image
     * @param base      the layer to commit into, null for the bottom of the chain
     * @param shallow   the base is the layer just below top (any other base is refused)
     * @param active    the caller knows top is the disk's top image (virsh's --active, required for it)
     * @param delete    delete the committed images' files once the job completed
     * @param bandwidth bytes per second, 0 for none
     */
    public record Request(String disk, String top, String base, boolean shallow, boolean active, boolean delete,
                          boolean keepRelative, long bandwidth) {
    }

    /** Starts the commit; call inside the domain's job slot. */
    public BlockJob start(LiveGuest guest, Request r) throws VireoError {
        return start(guest, r, Map.of());
    }

    /**
     * Starts the commit with {@code followUp} added to the job's record (a
     * {@link dev.vireo.daemon.lifecycle.JobFollowUp} and what it needs), for daemon code that
     * acts on the job's end; call inside the domain's job slot.
     */
    public BlockJob start(LiveGuest guest, Request r, Map<String, String> followUp) throws VireoError {
        DiskStorage disk = BlockJobControl.disk(guest, r.disk());
        BlockJobControl.refuseSecondJob(guest, disk.dev());
        ImageNode active = disk.top().orElseThrow();
        if (active.readOnly()) throw VireoError.invalidArgument("disk '" + disk.dev() + "' is read-only: nothing can be committed");
        ImageNode top = r.top() == null ? active : ChainImages.find(disk, r.top(), "top");
        int topPos = ChainImages.position(disk, top);
        if (topPos == 0 && !r.active()) {
            throw VireoError.invalidArgument("commit of '" + disk.dev() + "' active layer requires active flag");
        }
        if (topPos != 0 && r.active()) {
            throw VireoError.invalidArgument("active commit requested but '" + top.path() + "' is not active");
        }
        if (topPos == disk.images().size() - 1) {
            throw VireoError.invalidArgument("top '" + top.path() + "' in chain for '" + disk.dev() + "' has no backing file");
        }
        ImageNode below = disk.images().get(topPos + 1);
        ImageNode base;
        if (r.shallow()) {
            base = below;
            if (r.base() != null && !ChainImages.find(disk, r.base(), "base").equals(below)) {
                throw VireoError.invalidArgument("base '" + r.base() + "' is not immediately below '" + top.path()
                        + "' in chain for '" + disk.dev() + "'");
            }
        } else {
            base = r.base() == null ? disk.images().getLast() : ChainImages.find(disk, r.base(), "base");
        }
        int basePos = ChainImages.position(disk, base);
        if (basePos <= topPos) {
            throw VireoError.invalidArgument("base '" + base.path() + "' is not below top '" + top.path()
                    + "' in the chain of '" + disk.dev() + "'");
        }
        if (r.keepRelative() && topPos == 0) {
            throw VireoError.invalidArgument("--keep-relative applies to the overlay above top: an active commit has none");
        }
        ImageNode overlay = topPos == 0 ? null : disk.images().get(topPos - 1);
        List<ImageNode> removed = new ArrayList<>(disk.images().subList(topPos, basePos));

        // the base and the overlay of top must be writable before the job (research §0.3)
        List<ImageNode> writable = overlay == null ? List.of(base) : List.of(base, overlay);
        List<Integer> reopened = writable.stream().filter(ImageNode::readOnly).map(ImageNode::index).toList();
        WritableLayers.makeWritable(guest, disk, writable);

        String backingFile = null;
        if (overlay != null) {
            backingFile = r.keepRelative()
                    ? Path.of(overlay.path()).toAbsolutePath().getParent().relativize(Path.of(base.path())).toString()
                    : base.path();
        }
        BlockJobKind kind = topPos == 0 ? BlockJobKind.ACTIVE_COMMIT : BlockJobKind.COMMIT;
        String id = "commit-" + disk.dev() + "-" + top.formatNodeName();
        Map<String, String> nodes = new LinkedHashMap<>();
        nodes.put(TOP, top.formatNodeName());
        nodes.put(BASE, base.formatNodeName());
        if (overlay != null) nodes.put(OVERLAY, overlay.formatNodeName());
        nodes.put(REMOVED, ChainImages.indexes(removed));
        nodes.put(REOPENED, String.join(",", reopened.stream().map(String::valueOf).toList()));
        if (r.delete()) nodes.put(DELETE, String.join("\n", removed.stream().map(ImageNode::path).toList()));
        nodes.putAll(followUp);
        BlockJob job = BlockJob.registered(id, kind, disk.dev(), nodes);
        BlockCommit commit = new BlockCommit(JobOptions.tracked(id).withSpeed(r.bandwidth()), disk.frontNode().orElseThrow(),
                top.formatNodeName(), base.formatNodeName(), backingFile, BlockJobControl.ON_ERROR);
        try {
            BlockJobControl.start(guest, job, m -> m.blockCommit(commit));
        } catch (VireoError e) {
            try {
                WritableLayers.makeReadOnly(guest, disk, reopened);
            } catch (VireoError undo) {
                e.addSuppressed(undo);
            }
            throw e;
        }
        Log.info("domain " + guest.name() + ": " + id + " started (" + kind.label() + " of images " + nodes.get(REMOVED)
                + " into " + base.index() + (backingFile == null ? "" : ", overlay backing " + backingFile) + ")");
        return job;
    }

    /** What a completed commit changes in the definitions, for both kinds. */
    public JobConclusion conclusion() {
        return new JobConclusion() {
            @Override
            public void apply(LiveGuest guest, BlockJob job) throws VireoError {
                if (job.outcome() != BlockJobOutcome.COMPLETED) return;
                if (job.kind() == BlockJobKind.ACTIVE_COMMIT) pivoted(guest, job);
                else committed(guest, job);
            }

            @Override
            public void released(LiveGuest guest, BlockJob job) throws VireoError {
                DiskStorage now = guest.plan().disk(job.disk()).orElse(null);
                if (now != null) {
                    for (int index : ChainImages.parseIndexes(job.nodes().get(REOPENED))) {
                        if (now.top().map(ImageNode::index).orElse(-1) != index) backToReadOnly(guest, job, now, index);
                    }
                }
                if (job.outcome() != BlockJobOutcome.COMPLETED) return;
                ReleasedImages.release(guest, ChainImages.parseIndexes(job.nodes().get(REMOVED)));
                String files = job.nodes().get(DELETE);
                if (files == null) return;
                for (String f : files.split("\n")) {
                    try {
                        Files.deleteIfExists(Path.of(f));
                        Log.info("domain " + guest.name() + ": " + job.id() + " deleted committed image " + f);
                    } catch (IOException e) {
                        Log.warn("cannot delete committed image " + f, e);
                    }
                }
            }
        };
    }

    /**
     * Makes a layer the job had made writable read-only again. A failure leaves that layer
     * writable; it must not also keep the committed images in QEMU and their files on disk, so it
     * is logged, naming the disk and the node, and the release goes on.
     */
    private static void backToReadOnly(LiveGuest guest, BlockJob job, DiskStorage disk, int index) {
        try {
            WritableLayers.makeReadOnly(guest, disk, List.of(index));
        } catch (VireoError e) {
            String node = disk.image(index).map(ImageNode::formatNodeName).orElse("image " + index);
            Log.warn("domain " + guest.name() + ": " + job.id() + ": cannot make " + node + " of disk '" + job.disk()
                    + "' read-only again; it stays writable", e);
        }
    }

    /** A middle layer was committed: the overlay of top now backs onto the base. */
    private static void committed(LiveGuest guest, BlockJob job) throws VireoError {
        int overlayIndex = ChainImages.indexOfNode(job.nodes().get(OVERLAY));
        int baseIndex = ChainImages.indexOfNode(job.nodes().get(BASE));
        Disk live = DiskChains.disk(guest.live(), job.disk()).orElse(null);
        if (live == null) return;
        DiskBackingStore baseLayer = DiskChains.layer(live, baseIndex).orElse(null);
        if (baseLayer == null) return;
        boolean overlayIsTop = live.getSource() != null && live.getSource().getIndex() != null
                && live.getSource().getIndex() == overlayIndex;
        DiskBackingStore overlayLayer = overlayIsTop ? null : DiskChains.layer(live, overlayIndex).orElse(null);
        if (!overlayIsTop && overlayLayer == null) return;
        DiskBackingStore current = overlayIsTop ? live.getBackingStore() : overlayLayer.getBackingStore();
        if (current == baseLayer) return;   // already applied
        List<String> before = DiskChains.paths(live);
        String overlayPath = overlayIsTop ? DiskChains.path(live.getSource()) : DiskChains.path(overlayLayer.getSource());
        String basePath = DiskChains.path(baseLayer.getSource());
        guest.changeLive(d -> DiskChains.disk(d, job.disk()).ifPresent(disk -> DiskChains.cutBelow(disk,
                overlayIsTop ? null : DiskChains.layer(disk, overlayIndex).orElseThrow(),
                DiskChains.layer(disk, baseIndex).orElseThrow())));
        changeStoredChain(guest, job, before, disk -> {
            DiskBackingStore above = overlayPath.equals(DiskChains.path(disk.getSource())) ? null
                    : DiskChains.layerByPath(disk, overlayPath).orElse(null);
            DiskChains.cutBelow(disk, above, DiskChains.layerByPath(disk, basePath).orElse(null));
        });
    }

    /** An active commit was pivoted: the base is the disk's top image now. */
    private static void pivoted(LiveGuest guest, BlockJob job) throws VireoError {
        int baseIndex = ChainImages.indexOfNode(job.nodes().get(BASE));
        Disk live = DiskChains.disk(guest.live(), job.disk()).orElse(null);
        if (live == null) return;
        if (live.getSource() != null && live.getSource().getIndex() != null && live.getSource().getIndex() == baseIndex) {
            return;   // already applied
        }
        DiskBackingStore baseLayer = DiskChains.layer(live, baseIndex).orElse(null);
        if (baseLayer == null) return;
        List<String> before = DiskChains.paths(live);
        String basePath = DiskChains.path(baseLayer.getSource());
        String baseFormat = baseLayer.getFormat() == null ? null : baseLayer.getFormat().getType();
        guest.changeLive(d -> DiskChains.disk(d, job.disk()).ifPresent(disk -> {
            DiskBackingStore b = DiskChains.layer(disk, baseIndex).orElseThrow();
            b.getSource().setIndex(baseIndex);
            DiskChains.promote(disk, b);
        }));
        Disk stored = guest.entry().isPersistent() ? DiskChains.disk(guest.entry().persistent(), job.disk()).orElse(null) : null;
        if (stored == null || before.isEmpty() || !before.getFirst().equals(DiskChains.path(stored.getSource()))) return;
        boolean same = DiskChains.describesChain(stored) && DiskChains.paths(stored).equals(before);
        guest.changeStored(d -> DiskChains.disk(d, job.disk()).ifPresent(disk -> {
            DiskBackingStore b = same ? DiskChains.layerByPath(disk, basePath).orElse(null) : null;
            if (b != null) {
                DiskChains.promote(disk, b);
            } else {
                disk.getSource().setFile(basePath);
                if (disk.getDriver() != null && baseFormat != null) disk.getDriver().setType(baseFormat);
                disk.setBackingStore(null);   // read from the base's header at the next start
            }
        }));
    }

    /** The stored definition follows the live change where it lists the same chain; another chain is dropped. */
    private static void changeStoredChain(LiveGuest guest, BlockJob job, List<String> liveBefore,
                                          java.util.function.Consumer<Disk> change) throws VireoError {
        Disk stored = guest.entry().isPersistent() ? DiskChains.disk(guest.entry().persistent(), job.disk()).orElse(null) : null;
        if (stored == null || !DiskChains.describesChain(stored)) return;
        boolean same = DiskChains.paths(stored).equals(liveBefore);
        guest.changeStored(d -> DiskChains.disk(d, job.disk()).ifPresent(disk -> {
            if (same) change.accept(disk);
            else disk.setBackingStore(null);
        }));
    }
}
