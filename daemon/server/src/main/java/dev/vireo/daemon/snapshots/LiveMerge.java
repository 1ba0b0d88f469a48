package dev.vireo.daemon.snapshots;

import dev.vireo.command.storage.DiskStorage;
import dev.vireo.command.storage.ImageNode;
import dev.vireo.daemon.Log;
import dev.vireo.daemon.blockjobs.BlockCommitJob;
import dev.vireo.daemon.blockjobs.BlockJobControl;
import dev.vireo.daemon.domain.DomainEntry;
import dev.vireo.daemon.errors.VireoError;
import dev.vireo.daemon.lifecycle.JobFollowUp;
import dev.vireo.daemon.lifecycle.LiveGuest;
import dev.vireo.jobs.BlockJob;
import dev.vireo.jobs.BlockJobKind;
import dev.vireo.jobs.BlockJobOutcome;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code snapshot-delete} of an external snapshot of a running guest: each of its overlays is
 * merged into the image below it in the running chain by a block commit — an active commit that
 * is pivoted as soon as it is in sync when the overlay is the disk's top image, a plain commit
 * otherwise. The commit's own conclusion switches the chain (live XML, stored definition); this
 * follow-up then, and only then, points images outside the chain that sat on the overlay at the
 * base, moves the other snapshots' saved sources, removes the overlay file and updates the
 * metadata (the snapshot goes when its last overlay went: children take its parent, its parent
 * becomes current if it was).
 *
 * <p>Everything the follow-up needs is in the commit's record ({@link JobFollowUp#KEY} and the
 * keys below), so a daemon killed at any point finishes the delete after its restart: a job still
 * running is followed again (and pivoted when READY), one that concluded meanwhile is applied
 * then. A commit that fails or is aborted leaves the snapshot, its overlay and the chain as they
 * were.
 */
public final class LiveMerge implements JobFollowUp {
    /** The follow-up's name in a job's record. */
    public static final String NAME = "snapshot-delete";
    private static final String DOMAIN = "snapshotDomain";
    private static final String SNAPSHOT = "snapshot";
    private static final String OVERLAY = "snapshotOverlay";
    private static final String BASE = "snapshotBase";
    private static final String BASE_FORMAT = "snapshotBaseFormat";
    /** Test hook: the commits' speed limit in bytes/s (0: none), to kill the daemon while one runs. */
    private static final String BANDWIDTH_PROPERTY = "vireo.test.snapshotDeleteBandwidth";

    /** Starts a block commit carrying a follow-up ({@code BlockJobOps.startCommit}). */
    @FunctionalInterface
    public interface CommitStarter {
        BlockJob start(LiveGuest guest, BlockCommitJob.Request request, Map<String, String> followUp) throws VireoError;
    }

    private final SnapshotStore store;
    private final DiskOnlySnapshots snapshots;
    private final CommitStarter commits;
    /** The deletes a client waits for, by domain and snapshot; completed by the follow-up. */
    private final Map<String, CompletableFuture<Void>> waiting = new ConcurrentHashMap<>();

    public LiveMerge(SnapshotStore store, DiskOnlySnapshots snapshots, CommitStarter commits) {
        this.store = store;
        this.snapshots = snapshots;
        this.commits = commits;
    }

    /** One disk's merge as planned: the overlay's image in the chain and the one below it. */
    private record DiskMerge(String dev, ImageNode overlay, ImageNode base, boolean active, boolean keepRelative) {
    }

    /**
     * Checks every disk of the snapshot, then starts one commit per disk (inside the domain's job
     * slot). The future completes when the snapshot is gone, or fails with the reason a commit did
     * not complete; it is not needed for the delete to finish.
     */
    public CompletableFuture<Void> start(DomainEntry e, LiveGuest guest, Snapshot s) throws VireoError {
        List<DiskMerge> plan = new ArrayList<>();
        for (Snapshot.Disk d : s.externalDisks()) plan.add(plan(e, guest, s, d));
        if (plan.isEmpty()) {
            store.remove(e.name(), s.name());
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<Void> done = new CompletableFuture<>();
        String key = key(e.name(), s.name());
        waiting.put(key, done);
        List<BlockJob> started = new ArrayList<>();
        long bandwidth = Long.getLong(BANDWIDTH_PROPERTY, 0);
        try {
            for (DiskMerge m : plan) {
                BlockCommitJob.Request request = new BlockCommitJob.Request(m.dev(), m.overlay().path(), null, true,
                        m.active(), false, m.keepRelative(), bandwidth);
                Map<String, String> followUp = new LinkedHashMap<>();
                followUp.put(KEY, NAME);
                followUp.put(DOMAIN, e.name());
                followUp.put(SNAPSHOT, s.name());
                followUp.put(OVERLAY, normalized(m.overlay().path()).toString());
                followUp.put(BASE, normalized(m.base().path()).toString());
                followUp.put(BASE_FORMAT, m.base().format());
                BlockJob job = commits.start(guest, request, followUp);
                started.add(job);
                Log.info("domain " + e.name() + ": deleting snapshot '" + s.name() + "': " + job.id() + " merges "
                        + m.overlay().path() + " into " + m.base().path());
            }
        } catch (VireoError | RuntimeException failure) {
            waiting.remove(key, done);
            for (BlockJob job : started) {
                try {
                    BlockJobControl.abort(guest, job.disk());
                } catch (VireoError | RuntimeException undo) {
                    failure.addSuppressed(undo);
                }
            }
            throw failure;
        }
        return done;
    }

    /** Every refusal before any job starts: the overlay must be in the running chain, above an image of its own. */
    private DiskMerge plan(DomainEntry e, LiveGuest guest, Snapshot s, Snapshot.Disk d) throws VireoError {
        Path overlay = normalized(d.source());
        String what = "cannot delete snapshot '" + s.name() + "'";
        DiskStorage disk = guest.plan().disk(d.name()).orElse(null);
        List<ImageNode> chain = disk == null ? List.of() : disk.images();
        int pos = -1;
        for (int i = 0; i < chain.size() && pos < 0; i++) {
            if (normalized(chain.get(i).path()).equals(overlay)) pos = i;
        }
        if (pos < 0) {
            throw VireoError.wrongState(what + ": its overlay " + overlay + " of disk " + d.name() + " is not in the chain"
                    + " the running domain uses; shut the domain down first, or add --metadata to drop only the metadata");
        }
        if (pos == chain.size() - 1) {
            throw VireoError.failed(what + ": its overlay " + overlay + " of disk " + d.name()
                    + " names no backing image to merge into");
        }
        Optional<BlockJob> busy = guest.blockJobs() == null ? Optional.empty() : guest.blockJobs().onDisk(d.name());
        if (busy.isPresent()) {
            throw VireoError.busy(what + ": disk '" + d.name() + "' already in active block job '" + busy.get().id()
                    + "' (" + busy.get().kind().label() + "); wait for it to end or abort it with blockjob --abort");
        }
        ImageNode base = chain.get(pos + 1);
        Path basePath = normalized(base.path());
        List<Path> candidates = snapshots.candidates(e, d.name(), List.of(overlay, basePath));
        chain.forEach(i -> candidates.add(normalized(i.path())));
        Merges.refuseOtherBranch(s.name(), d.name(), overlay, basePath, Merges.neighbours(overlay, basePath, candidates));
        boolean keepRelative = false;
        if (pos > 0) {
            ImageNode above = chain.get(pos - 1);
            keepRelative = above.format().equals("qcow2") && !above.hostDevice() && ImageChains.backingName(
                    Path.of(above.path())).map(n -> !n.startsWith("/")).orElse(false);
        }
        return new DiskMerge(d.name(), chain.get(pos), base, pos == 0, keepRelative);
    }

    /** An active commit is in sync: pivot, so that the guest runs on the base. */
    @Override
    public void ready(LiveGuest guest, BlockJob job) throws VireoError {
        if (job.kind() != BlockJobKind.ACTIVE_COMMIT) return;
        Log.info("domain " + guest.name() + ": deleting snapshot '" + job.nodes().get(SNAPSHOT) + "': " + job.id()
                + " is in sync, pivoting to " + job.nodes().get(BASE));
        BlockJobControl.pivot(guest, job.disk());
    }

    /** The commit concluded and the chain follows its outcome: finish this disk's part of the delete. */
    @Override
    public void concluded(LiveGuest guest, BlockJob job) throws VireoError {
        String domain = guest.name();
        String name = job.nodes().get(SNAPSHOT);
        Path overlay = Path.of(job.nodes().get(OVERLAY));
        Path base = Path.of(job.nodes().get(BASE));
        Snapshot s = store.get(domain, name).orElse(null);
        Optional<Snapshot.Disk> disk = s == null ? Optional.empty() : s.disk(job.disk())
                .filter(Snapshot.Disk::external).filter(d -> normalized(d.source()).equals(overlay));
        if (disk.isEmpty()) {
            // done before (a second run after a crash), or the metadata was dropped meanwhile
            if (s == null) finished(domain, name);
            return;
        }
        String what = "cannot delete snapshot '" + name + "': the block commit of " + overlay + " into " + base
                + " (disk " + job.disk() + ") ";
        if (job.outcome() != BlockJobOutcome.COMPLETED) {
            failed(domain, name, what + (job.outcome() == BlockJobOutcome.CANCELED ? "was aborted"
                    : "failed: " + job.error()) + "; the snapshot and its overlay are kept");
            return;
        }
        if (inChain(guest, job.disk(), overlay)) {
            failed(domain, name, what + "completed, but the disk still uses the overlay; the snapshot and its overlay"
                    + " are kept");
            return;
        }
        try {
            Merges.Neighbours n = Merges.neighbours(overlay, base, snapshots.candidates(guest.entry(), job.disk(),
                    List.of(overlay, base)));
            Merges.rebaseOnto(n.onOverlay(), overlay, base, job.nodes().get(BASE_FORMAT));
            Merges.moveSavedSources(store, domain, name, overlay, base);
            try {
                Files.deleteIfExists(overlay);
            } catch (IOException ex) {
                throw VireoError.failed("merged " + overlay + " into " + base + " but cannot remove it: " + ex.getMessage(), ex);
            }
            Log.info("domain " + domain + ": snapshot '" + name + "': " + overlay + " merged into " + base + " and removed");
            List<Snapshot.Disk> rest = new ArrayList<>();
            for (Snapshot.Disk d : s.disks()) {
                rest.add(d == disk.get() ? new Snapshot.Disk(d.name(), "no", null, null, null) : d);
            }
            if (rest.stream().noneMatch(Snapshot.Disk::external)) {
                store.remove(domain, name);
                finished(domain, name);
            } else {
                store.put(domain, new Snapshot(s.name(), s.description(), s.state(), s.creationTime(), s.parent(), rest,
                        s.domainXml()), false);
            }
        } catch (VireoError | RuntimeException e) {
            failed(domain, name, "snapshot '" + name + "': " + overlay + " is merged into " + base
                    + " and no longer used, but the delete could not finish: " + e.getMessage());
            throw e;
        }
    }

    /**
     * The commit stopped on an I/O error: the client waiting for the delete is told now, with how
     * to go on, rather than left waiting for a job that waits for someone to act. Resumed, the
     * commit's conclusion still finishes the delete; aborted, the snapshot stays.
     */
    @Override
    public void pausedOnError(BlockJob job, String operation) {
        String domain = job.nodes().get(DOMAIN);
        String name = job.nodes().get(SNAPSHOT);
        if (waiting.containsKey(key(domain, name))) {
            failed(domain, name, "snapshot '" + name + "' is not deleted yet: the block commit of " + job.nodes().get(OVERLAY)
                    + " (disk " + job.disk() + ") is paused by an I/O error on " + operation + "; once the cause is fixed,"
                    + " 'blockjob " + domain + " " + job.disk() + " --resume' lets it finish the delete, or '--abort'"
                    + " keeps the snapshot and its overlay");
        }
    }

    /** QEMU exited under the commit, or the job vanished: nobody concluded it. */
    @Override
    public void ended(BlockJob job) {
        if (job.outcome() == BlockJobOutcome.COMPLETED) return;
        String domain = job.nodes().get(DOMAIN);
        String name = job.nodes().get(SNAPSHOT);
        if (waiting.containsKey(key(domain, name))) {
            failed(domain, name, "cannot delete snapshot '" + name + "': the block commit of " + job.nodes().get(OVERLAY)
                    + " (disk " + job.disk() + ") " + job.outcome().word()
                    + (job.error() == null ? "" : ": " + job.error()) + "; the snapshot and its overlay are kept");
        }
    }

    private static boolean inChain(LiveGuest guest, String dev, Path image) {
        return guest.plan().disk(dev).map(d -> d.images().stream().anyMatch(i -> normalized(i.path()).equals(image)))
                .orElse(false);
    }

    private void finished(String domain, String name) {
        CompletableFuture<Void> waiter = waiting.remove(key(domain, name));
        if (waiter != null) waiter.complete(null);
    }

    private void failed(String domain, String name, String message) {
        Log.warn("domain " + domain + ": " + message, null);
        CompletableFuture<Void> waiter = waiting.remove(key(domain, name));
        if (waiter != null) waiter.completeExceptionally(VireoError.failed(message));
    }

    private static String key(String domain, String snapshot) {
        return domain + "/" + snapshot;
    }

    private static Path normalized(String path) {
        return Path.of(path).toAbsolutePath().normalize();
    }
}
