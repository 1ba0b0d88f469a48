package dev.vireo.daemon.blockjobs;

import dev.vireo.command.storage.DiskStorage;
import dev.vireo.command.storage.ImageNode;
import dev.vireo.conf.model.Disk;
import dev.vireo.conf.model.DiskBackingStore;
import dev.vireo.daemon.Log;
import dev.vireo.daemon.errors.VireoError;
import dev.vireo.daemon.lifecycle.JobConclusion;
import dev.vireo.daemon.lifecycle.LiveGuest;
import dev.vireo.jobs.BlockJob;
import dev.vireo.jobs.BlockJobKind;
import dev.vireo.jobs.BlockJobOutcome;
import dev.vireo.monitor.BlockStream;
import dev.vireo.monitor.JobOptions;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code blockpull}: {@code block-stream} of the layers above a base (or of the whole chain) into
 * the disk's top image, which then backs onto the base. QEMU is always told the backing name to
 * write (the base's real path, or the path relative to the top's folder with
 * {@code --keep-relative}): left to itself it would write {@code /dev/fdset/N} (research §0.2).
 * When it concludes, the pulled layers leave the live XML's {@code <backingStore>} chain (the
 * other images keep their indexes), the stored definition follows where it lists the same chain,
 * and after the job's dismissal their nodes and fd sets leave QEMU.
 */
public final class BlockPull implements JobConclusion {
    static final String TOP = "top";
    static final String BASE = "base";
    static final String REMOVED = "removed";

    /** What the user asked for. */
    public record Request(String disk, String base, long bandwidth, boolean keepRelative) {
    }

    /** Starts the pull; returns the job. Call inside the domain's job slot. */
    public BlockJob start(LiveGuest guest, Request r) throws VireoError {
        DiskStorage disk = BlockJobControl.disk(guest, r.disk());
        BlockJobControl.refuseSecondJob(guest, disk.dev());
        ImageNode top = disk.top().orElseThrow();
        if (top.readOnly()) throw VireoError.invalidArgument("disk '" + disk.dev() + "' is read-only: nothing can be pulled into it");
        if (r.keepRelative() && r.base() == null) {
            throw VireoError.invalidArgument("--keep-relative is valid only with --base");
        }
        ImageNode base = null;
        int below = disk.images().size();
        if (r.base() != null) {
            base = ChainImages.find(disk, r.base(), "base");
            below = ChainImages.position(disk, base);
            if (below == 0) throw VireoError.invalidArgument("base '" + r.base() + "' is the top image of disk '" + disk.dev() + "'");
        }
        List<ImageNode> removed = ChainImages.between(disk, 0, below);
        String backingFile = null;
        if (base != null) {
            backingFile = r.keepRelative()
                    ? Path.of(top.path()).toAbsolutePath().getParent().relativize(Path.of(base.path())).toString()
                    : base.path();
        }
        String id = "pull-" + disk.dev() + "-" + top.formatNodeName();
        Map<String, String> nodes = new LinkedHashMap<>();
        nodes.put(TOP, top.formatNodeName());
        if (base != null) nodes.put(BASE, base.formatNodeName());
        nodes.put(REMOVED, ChainImages.indexes(removed));
        BlockJob job = BlockJob.registered(id, BlockJobKind.PULL, disk.dev(), nodes);
        BlockStream stream = new BlockStream(JobOptions.tracked(id).withSpeed(r.bandwidth()), top.formatNodeName(),
                base == null ? null : base.formatNodeName(), backingFile, BlockJobControl.ON_ERROR);
        BlockJobControl.start(guest, job, m -> m.blockStream(stream));
        Log.info("domain " + guest.name() + ": " + id + " started (" + disk.dev() + ", removing images "
                + (removed.isEmpty() ? "none" : nodes.get(REMOVED)) + (backingFile == null ? "" : ", backing " + backingFile) + ")");
        return job;
    }

    /** The pulled layers leave the chain: the top backs onto the base, or on nothing. */
    @Override
    public void apply(LiveGuest guest, BlockJob job) throws VireoError {
        if (job.outcome() != BlockJobOutcome.COMPLETED) return;
        int baseIndex = ChainImages.indexOfNode(job.nodes().get(BASE));
        Disk live = DiskChains.disk(guest.live(), job.disk()).orElse(null);
        if (live == null) return;   // unplugged meanwhile
        List<String> before = DiskChains.paths(live);
        DiskBackingStore baseLayer = baseIndex < 0 ? null : DiskChains.layer(live, baseIndex).orElse(null);
        if (baseIndex >= 0 && baseLayer == null) return;   // the chain no longer has the base: nothing to cut
        if (baseLayer == live.getBackingStore()) return;   // already applied
        String basePath = baseLayer == null ? null : DiskChains.path(baseLayer.getSource());
        guest.changeLive(d -> DiskChains.disk(d, job.disk()).ifPresent(disk ->
                DiskChains.cutBelow(disk, null, baseIndex < 0 ? null : DiskChains.layer(disk, baseIndex).orElseThrow())));
        Disk stored = guest.entry().isPersistent() ? DiskChains.disk(guest.entry().persistent(), job.disk()).orElse(null) : null;
        if (stored != null && DiskChains.describesChain(stored)) {
            boolean same = DiskChains.paths(stored).equals(before);
            guest.changeStored(d -> DiskChains.disk(d, job.disk()).ifPresent(disk -> {
                if (same) {
                    DiskChains.cutBelow(disk, null, basePath == null ? null : DiskChains.layerByPath(disk, basePath).orElse(null));
                } else {
                    disk.setBackingStore(null);   // another chain than the one pulled: read it again at the next start
                }
            }));
        }
    }

    @Override
    public void released(LiveGuest guest, BlockJob job) throws VireoError {
        if (job.outcome() != BlockJobOutcome.COMPLETED) return;
        ReleasedImages.release(guest, ChainImages.parseIndexes(job.nodes().get(REMOVED)));
    }
}
