package dev.vireo.daemon.ops;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vireo.command.storage.DiskStorage;
import dev.vireo.command.storage.ImageNode;
import dev.vireo.conf.model.BackingFormat;
import dev.vireo.conf.model.Disk;
import dev.vireo.conf.model.DiskBackingStore;
import dev.vireo.conf.model.DiskMirror;
import dev.vireo.conf.model.DiskSource;
import dev.vireo.conf.model.DiskType;
import dev.vireo.daemon.FileWork;
import dev.vireo.daemon.Log;
import dev.vireo.daemon.blockjobs.ReleasedImages;
import dev.vireo.daemon.disks.LiveImages;
import dev.vireo.daemon.disks.PlanDisks;
import dev.vireo.daemon.disks.QemuImg;
import dev.vireo.daemon.errors.VireoError;
import dev.vireo.daemon.lifecycle.JobConclusion;
import dev.vireo.daemon.lifecycle.Lifecycle;
import dev.vireo.daemon.lifecycle.LiveGuest;
import dev.vireo.daemon.rpc.Operations;
import dev.vireo.protocol.ops.BlockJobRequests.BlockCopy;
import dev.vireo.jobs.BlockJob;
import dev.vireo.jobs.BlockJobKind;
import dev.vireo.jobs.BlockJobOutcome;
import dev.vireo.jobs.BlockJobs;
import dev.vireo.jobs.DomainBusyException;
import dev.vireo.monitor.BlockdevMirror;
import dev.vireo.monitor.JobOptions;
import dev.vireo.storage.FormatDetector;
import dev.vireo.storage.ImageFormat;
import dev.vireo.storage.ImageInfo;
import dev.vireo.storage.StorageException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code blockcopy}: copies a running disk to a new image and, once in sync, pivots the guest onto
 * it or leaves it as a copy ({@code blockjob --pivot} / {@code --abort}).
 *
 * <p>The daemon makes the target itself (research §0.2, §0.4): {@code qemu-img create} (a shallow
 * copy's header names the real path of the disk's backing image), opened as the daemon and passed
 * to QEMU ({@link LiveImages}), added with {@code blockdev-add} (a shallow copy's target gets the
 * disk's backing node as its backing), then {@code blockdev-mirror} with an explicit job id and
 * {@code auto-dismiss: false}, {@code on-target-error: stop} (a write error on the target pauses
 * the job; it can be resumed or aborted). Never {@code drive-mirror mode=existing sync=top}, which
 * on QEMU 7.2 silently loses the backing data of fd-passed targets.
 *
 * <p>The live XML shows the copy as {@code <mirror type= file= format= job='copy' [ready='yes']>}
 * with {@code <format>}/{@code <source index>} children, as libvirt 9 does. At the end: pivoted,
 * the disk's source is the copy (the stored definition too when it named the same image, as libvirt
 * 9 does); finished or aborted, the {@code <mirror>} goes. In both cases the images no longer used
 * leave QEMU's graph and their fd sets are removed once QEMU has dismissed the job.
 */
public final class BlockCopyOps {
    /** Roles in the job's record (besides the nodes): what a restarted daemon needs to conclude it. */
    static final String TOP = "top";
    static final String TARGET = "target";
    static final String BACKING = "backing";
    /** The disk's image indexes at the start, top first, comma-separated: a full copy replaces them all. */
    static final String CHAIN = "chain";
    /** Test hook: a blkdebug node between the mirror and its target (see {@link CopyTargetErrors}). */
    static final String ERROR_NODE = "errorNode";

    private final Lifecycle lifecycle;
    private final FileWork files;

    public BlockCopyOps(Lifecycle lifecycle, FileWork files) {
        this.lifecycle = lifecycle;
        this.files = files;
        lifecycle.onConcluded(BlockJobKind.COPY, new Conclusion());
    }

    public void register(Operations ops) {
        ops.handle(BlockCopy.class, this::blockCopy);
    }

    /** A size left out: 0, QEMU's default. */
    private static long orZero(Long given) {
        return given == null ? 0 : given;
    }

    /** What the client asked for; sizes in bytes, 0 for QEMU's default. */
    record Request(String disk, Path dest, String format, boolean shallow, boolean reuseExternal, boolean blockDevice,
                   long bandwidth, long granularity, long bufSize, boolean transientJob, boolean synchronousWrites) {
    }

    private JsonNode blockCopy(BlockCopy call) throws VireoError {
        String dest = call.dest();
        if (!Path.of(dest).isAbsolute()) throw VireoError.invalidArgument("absolute path must be used as block copy target: " + dest);
        Request r = new Request(call.disk(), Path.of(dest).normalize(), call.format(), call.shallow(),
                call.reuseExternal(), call.blockdev(), orZero(call.bandwidth()), orZero(call.granularity()),
                orZero(call.bufSize()), call.transientJob(), call.synchronousWrites());
        BlockJob job = lifecycle.withRunning(call.domain(), "blockcopy", guest -> start(guest, r));
        return Results.object().put("job", job.id()).put("kind", job.kind().name()).put("label", job.kind().label())
                .put("disk", job.disk());
    }

    private BlockJob start(LiveGuest guest, Request r) throws VireoError {
        DiskStorage disk = PlanDisks.find(guest.name(), guest.plan(), r.disk());
        if (disk.empty()) throw VireoError.invalidArgument("disk '" + disk.dev() + "' does not have a source to copy");
        BlockJobs jobs = guest.blockJobs();
        if (jobs == null) guest.monitor();   // says why: the monitor is not connected
        Optional<BlockJob> running = jobs.onDisk(disk.dev());
        if (running.isPresent()) {
            throw VireoError.wrongState("disk '" + disk.dev() + "' already in active block job '" + running.get().id() + "'");
        }
        if (guest.entry().isPersistent() && !r.transientJob()) {
            throw VireoError.wrongState("domain '" + guest.name() + "' is not transient: a copy of a persistent domain's disk"
                    + " ends with the guest, so it needs --transient-job");
        }
        ImageNode top = disk.top().orElseThrow();
        ImageNode backing = r.shallow() && disk.images().size() > 1 ? disk.images().get(1) : null;
        CopyTarget target = prepareTarget(disk, top, backing, r);

        ImageNode added;
        try {
            added = LiveImages.add(guest.monitor(), new LiveImages.NewImage(NewImageIndex.next(guest), r.dest(), target.format(), false),
                    disk, backing == null ? null : backing.formatNodeName());
        } catch (VireoError e) {
            if (target.created()) deleteQuietly(r.dest());
            throw e;
        }
        String errorNode = null;
        String jobId = "copy-" + disk.dev() + "-" + top.formatNodeName();
        BlockJob job;
        try {
            if (CopyTargetErrors.enabled() && backing == null) errorNode = CopyTargetErrors.insert(guest, added);
            DiskMirror mirror = mirrorOf(added, r.blockDevice());
            guest.changeLive(d -> LiveDisks.require(d, disk.dev()).setMirror(mirror));
            Map<String, String> roles = new LinkedHashMap<>();
            roles.put(TOP, top.formatNodeName());
            roles.put(TARGET, added.formatNodeName());
            if (backing != null) roles.put(BACKING, backing.formatNodeName());
            roles.put(CHAIN, String.join(",", disk.images().stream().map(i -> Integer.toString(i.index())).toList()));
            if (errorNode != null) roles.put(ERROR_NODE, errorNode);
            BlockdevMirror request = new BlockdevMirror(JobOptions.tracked(jobId).withSpeed(r.bandwidth()), top.formatNodeName(),
                    added.formatNodeName(), backing == null ? "full" : "top", r.synchronousWrites() ? "write-blocking" : null,
                    r.granularity(), r.bufSize(), null, "stop");
            job = BlockJob.registered(jobId, BlockJobKind.COPY, disk.dev(), roles);
            jobs.start(job, m -> m.blockdevMirror(request));
        } catch (VireoError | IOException | DomainBusyException | RuntimeException e) {
            undo(guest, disk.dev(), added, errorNode, target.created() ? r.dest() : null, e);
            if (e instanceof VireoError v) throw v;
            if (e instanceof DomainBusyException b) throw VireoError.busy(b.getMessage());
            throw VireoError.failed("blockdev-mirror refused by QEMU: " + describe(e), e);
        }
        Log.info("block copy " + jobId + " of " + guest.name() + ": " + top.path() + " -> " + r.dest()
                + (backing == null ? " (full)" : " (shallow, over " + backing.path() + ")"));
        return job;
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            Log.warn("cannot remove " + file, e);
        }
    }

    /** The image number in a format node's name {@code libvirt-N-format}. */
    static int imageIndexOf(String formatNode) {
        if (formatNode == null || !formatNode.startsWith("libvirt-") || !formatNode.endsWith("-format")) {
            throw new IllegalArgumentException("not an image's format node: " + formatNode);
        }
        return Integer.parseInt(formatNode.substring("libvirt-".length(), formatNode.length() - "-format".length()));
    }

    private static String describe(Exception e) {
        if (e instanceof dev.vireo.qmp.QmpCommandException q) return q.errorClass() + ": " + q.description();
        return e.getMessage();
    }

    /** Takes back a copy that could not start: the {@code <mirror>}, the nodes and fd set, a file made for it. */
    private void undo(LiveGuest guest, String dev, ImageNode added, String errorNode, Path created, Exception failure) {
        try {
            guest.changeLive(d -> LiveDisks.require(d, dev).setMirror(null));
            if (errorNode != null) CopyTargetErrors.remove(guest, errorNode, added.formatNodeName());
            LiveImages.remove(guest.monitor(), added);
            if (created != null) Files.deleteIfExists(created);
        } catch (VireoError | IOException | RuntimeException cleanup) {
            failure.addSuppressed(cleanup);
            Log.warn("cannot take back the block copy to " + added.path() + " of " + guest.name(), cleanup);
        }
    }

    /** The format the target is written in, and whether this copy created its file. */
    record CopyTarget(String format, boolean created) {
    }

    /**
     * Creates the target ({@code qemu-img create}, same virtual size as the disk; for a shallow copy
     * over the disk's backing image), or checks the one given with {@code --reuse-external}.
     */
    private CopyTarget prepareTarget(DiskStorage disk, ImageNode top, ImageNode backing, Request r) throws VireoError {
        Path dest = r.dest();
        try {
            return files.<CopyTarget, VireoError>run("preparing the copy target " + dest, () -> {
                long size = virtualSize(Path.of(top.path()), top.format());
                boolean exists = Files.exists(dest);
                if (r.blockDevice() && (!exists || Files.isRegularFile(dest))) {
                    throw VireoError.invalidArgument("--blockdev: " + dest + " is not a block device");
                }
                if (r.reuseExternal() || r.blockDevice()) {
                    if (!exists) throw VireoError.invalidArgument("missing destination file for disk '" + disk.dev() + "': " + dest);
                    String format = r.format() != null ? checkedFormat(r.format())
                            : r.blockDevice() ? "raw" : detected(dest);
                    if (r.shallow() && format.equals("raw") && backing != null) {
                        throw VireoError.invalidArgument("shallow copy of disk '" + disk.dev() + "' into a raw file is not possible");
                    }
                    checkReused(disk, dest, format, size, backing);
                    return new CopyTarget(format, false);
                }
                String format = checkedFormat(r.format() != null ? r.format() : top.format());
                if (r.shallow() && backing != null && !ImageFormat.parse(format).canHaveBacking()) {
                    throw VireoError.invalidArgument("shallow copy of disk '" + disk.dev() + "' into a " + format + " file is not possible");
                }
                if (exists && Files.size(dest) > 0) {
                    throw VireoError.invalidArgument("destination file for disk '" + disk.dev() + "' already exists: " + dest
                            + " (use --reuse-external to copy into it)");
                }
                QemuImg.create(dest, format, size, backing == null ? null : backing.path(), backing == null ? null : backing.format());
                return new CopyTarget(format, true);
            });
        } catch (IOException e) {
            throw VireoError.failed("cannot prepare the copy target " + dest + ": " + e.getMessage(), e);
        }
    }

    /** libvirt probes a reused destination whose format was not given; so does the daemon's own reader. */
    private static String detected(Path dest) throws VireoError, IOException {
        try {
            return FormatDetector.detectOrRaw(dest).qemuName();
        } catch (StorageException e) {
            throw VireoError.invalidArgument("cannot tell the format of " + dest + ": " + e.getMessage());
        }
    }

    private static String checkedFormat(String format) throws VireoError {
        return ImageFormat.forName(format).map(ImageFormat::qemuName).orElseThrow(() -> VireoError.invalidArgument(
                "unknown image format '" + format + "' (known: " + ImageFormat.knownNames() + ")"));
    }

    /** A reused target must have the disk's size, and a shallow one must name the disk's backing image. */
    private static void checkReused(DiskStorage disk, Path dest, String format, long size, ImageNode backing)
            throws VireoError, IOException {
        ImageInfo info;
        try {
            info = ImageInfo.read(dest, ImageFormat.parse(format));
        } catch (StorageException e) {
            throw VireoError.invalidArgument("reused destination " + dest + " is not a " + format + " image: " + e.getMessage());
        }
        long targetSize = info.virtualSize().orElse(Files.size(dest));
        if (targetSize != size) {
            throw VireoError.invalidArgument("reused destination " + dest + " has " + targetSize + " bytes, disk '"
                    + disk.dev() + "' has " + size + " (a copy needs the same size)");
        }
        if (backing != null) {
            String named = info.fullBackingFilename().orElse(null);
            if (named == null || !Files.isSameFile(Path.of(named), Path.of(backing.path()))) {
                throw VireoError.invalidArgument("reused destination " + dest + " for a shallow copy must have " + backing.path()
                        + " as its backing file, not " + (named == null ? "none" : named));
            }
        }
    }

    private static long virtualSize(Path image, String format) throws VireoError, IOException {
        try {
            ImageFormat f = ImageFormat.parse(format);
            return ImageInfo.read(image, f).virtualSize().orElse(Files.size(image));
        } catch (StorageException | IllegalArgumentException e) {
            throw VireoError.failed("cannot read the size of " + image + ": " + e.getMessage(), e);
        }
    }

    /** The live XML's {@code <mirror>} for a copy into {@code target}, as libvirt 9 writes it. */
    private static DiskMirror mirrorOf(ImageNode target, boolean block) {
        DiskMirror m = new DiskMirror();
        m.setType(block || target.hostDevice() ? DiskType.BLOCK : DiskType.FILE);
        m.setFile(target.path());
        m.setFormat(target.format());
        m.setJob("copy");
        BackingFormat f = new BackingFormat();
        f.setType(target.format());
        m.setFormatElement(f);
        DiskSource s = new DiskSource();
        if (m.getType() == DiskType.BLOCK) s.setDev(target.path());
        else s.setFile(target.path());
        s.setIndex(target.index());
        m.setSource(s);
        return m;
    }

    /** What a concluded copy changes: the disk's source after a pivot, the {@code <mirror>} always. */
    private static final class Conclusion implements JobConclusion {

        @Override
        public void ready(LiveGuest guest, BlockJob job) throws VireoError {
            guest.changeLive(d -> LiveDisks.find(d, job.disk()).map(Disk::getMirror).ifPresent(m -> m.setReady("yes")));
        }

        @Override
        public void apply(LiveGuest guest, BlockJob job) throws VireoError {
            Disk live = LiveDisks.find(guest.live(), job.disk()).orElse(null);
            if (live == null || live.getMirror() == null) return;   // applied before a crash
            if (!pivoted(job)) {
                guest.changeLive(d -> LiveDisks.require(d, job.disk()).setMirror(null));
                return;
            }
            String oldTop = LiveDisks.path(live);
            boolean shallow = job.nodes().containsKey(BACKING);
            guest.changeLive(d -> pivot(LiveDisks.require(d, job.disk()), shallow));
            DiskMirror m = live.getMirror();
            guest.changeStored(d -> LiveDisks.find(d, job.disk())
                    .filter(disk -> oldTop != null && oldTop.equals(LiveDisks.path(disk)))
                    .ifPresent(disk -> pivotStored(disk, m)));
        }

        /** After QEMU dismissed the job: the images no longer in the guest's chain leave the graph. */
        @Override
        public void released(LiveGuest guest, BlockJob job) throws VireoError {
            String errorNode = job.nodes().get(ERROR_NODE);
            if (errorNode != null && !pivoted(job)) CopyTargetErrors.remove(guest, errorNode, job.nodes().get(TARGET));
            if (pivoted(job)) {
                List<Integer> chain = indexes(job.nodes().get(CHAIN));
                // a shallow copy keeps the disk's backing images below it: only the old top goes
                ReleasedImages.release(guest, job.nodes().containsKey(BACKING) ? chain.subList(0, 1) : chain);
            } else {
                ReleasedImages.release(guest, List.of(imageIndexOf(job.nodes().get(TARGET))));
            }
        }

        private static boolean pivoted(BlockJob job) {
            return job.outcome() == BlockJobOutcome.COMPLETED && !job.abortRequested();
        }

        private static List<Integer> indexes(String list) {
            if (list == null || list.isBlank()) return List.of();
            return java.util.Arrays.stream(list.split(",")).map(Integer::parseInt).toList();
        }

        /** The live disk now reads the copy: its source and format, its chain (none for a full copy). */
        private static void pivot(Disk disk, boolean shallow) {
            DiskMirror m = disk.getMirror();
            disk.setType(m.getType());
            DiskSource s = disk.getSource();
            s.setFile(m.getType() == DiskType.BLOCK ? null : m.getFile());
            s.setDev(m.getType() == DiskType.BLOCK ? m.getFile() : null);
            s.setIndex(m.getSource() == null ? null : m.getSource().getIndex());
            disk.getDriver().setType(m.getFormat());
            if (!shallow) disk.setBackingStore(new DiskBackingStore());
            disk.setMirror(null);
        }

        /**
         * The stored definition follows as libvirt 9 does: the copy's path and format (a stored
         * definition has no chain: the next start walks the copy's header).
         */
        private static void pivotStored(Disk disk, DiskMirror m) {
            disk.setType(m.getType());
            DiskSource s = disk.getSource();
            s.setFile(m.getType() == DiskType.BLOCK ? null : m.getFile());
            s.setDev(m.getType() == DiskType.BLOCK ? m.getFile() : null);
            if (disk.getDriver() != null) disk.getDriver().setType(m.getFormat());
        }
    }
}
