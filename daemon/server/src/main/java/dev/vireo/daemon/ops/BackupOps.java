package dev.vireo.daemon.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vireo.command.storage.DiskStorage;
import dev.vireo.command.storage.ImageNode;
import dev.vireo.daemon.FileWork;
import dev.vireo.daemon.Log;
import dev.vireo.daemon.blockjobs.ReleasedImages;
import dev.vireo.daemon.backup.BackupXml;
import dev.vireo.daemon.disks.LiveImages;
import dev.vireo.daemon.disks.QemuImg;
import dev.vireo.daemon.errors.VireoError;
import dev.vireo.daemon.lifecycle.CompletedJob;
import dev.vireo.daemon.lifecycle.JobConclusion;
import dev.vireo.daemon.lifecycle.Lifecycle;
import dev.vireo.daemon.lifecycle.LiveGuest;
import dev.vireo.daemon.rpc.Operations;
import dev.vireo.protocol.ops.BackupRequests.BackupBegin;
import dev.vireo.protocol.ops.BackupRequests.BackupDumpXml;
import dev.vireo.protocol.ops.BackupRequests.DomJobAbort;
import dev.vireo.protocol.ops.BackupRequests.DomJobInfo;
import dev.vireo.jobs.BlockJob;
import dev.vireo.jobs.BlockJobKind;
import dev.vireo.jobs.BlockJobOutcome;
import dev.vireo.jobs.BlockJobs;
import dev.vireo.jobs.DomainBusyException;
import dev.vireo.monitor.BlockdevBackup;
import dev.vireo.monitor.JobInfo;
import dev.vireo.monitor.JobOptions;
import dev.vireo.monitor.TransactionAction;
import dev.vireo.storage.ImageFormat;
import dev.vireo.storage.ImageInfo;
import dev.vireo.storage.StorageException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code backup-begin} (push mode, full), {@code backup-dumpxml}, {@code domjobinfo},
 * {@code domjobabort}: a point-in-time copy of a running guest's disks into new images.
 *
 * <p>One {@code blockdev-backup sync=full} job per disk, all started in one {@code transaction},
 * so every disk is copied as it was at one instant while the guest goes on writing (QEMU copies
 * each old block before the guest overwrites it). The targets are created with {@code qemu-img
 * create} (or checked, with {@code --reuse-external}), opened by the daemon and passed by fd
 * ({@link LiveImages}). A backup is nothing but its block jobs (kind BACKUP), whose records carry
 * the target and the start time, so it survives a daemon restart like any job; the summary of the
 * last finished backup ({@code domjobinfo --completed}) is kept in the guest's runtime record
 * ({@link LiveGuest#recordCompletedJob}). A backup that is
 * aborted or fails removes the target files it created, as libvirt does.
 */
public final class BackupOps {
    static final String TOP = "top";
    static final String TARGET = "target";
    static final String PATH = "path";
    static final String FORMAT = "format";
    static final String TYPE = "type";
    static final String CREATED = "created";
    static final String STARTED = "started";

    /**
     * A test hook (BackupE2ETest): {@code -Dvireo.test.backupSpeed=BYTES} starts every backup job
     * with that speed limit, so that a test's guest certainly writes while the backup runs (a small
     * disk is otherwise copied before the guest writes anything). Unset in production: no limit.
     */
    private static final long TEST_SPEED = Long.getLong("vireo.test.backupSpeed", 0);

    private final Lifecycle lifecycle;
    private final FileWork files;
    /** Per domain: the backup that is ending (its disks' jobs end one by one). */
    private final Map<String, Summary> ending = new ConcurrentHashMap<>();

    public BackupOps(Lifecycle lifecycle, FileWork files) {
        this.lifecycle = lifecycle;
        this.files = files;
        lifecycle.onConcluded(BlockJobKind.BACKUP, new Conclusion());
    }

    public void register(Operations ops) {
        ops.handle(BackupBegin.class, this::begin);
        ops.handle(BackupDumpXml.class, this::dumpXml);
        ops.handle(DomJobInfo.class, this::jobInfo);
        ops.handle(DomJobAbort.class, this::abort);
    }

    /** A backup's figures as {@code domjobinfo} shows them. */
    record Summary(String type, long startedMillis, long elapsedMillis, long processed, long total) {
    }

    // --- backup-begin -----------------------------------------------------------------------

    private JsonNode begin(BackupBegin call) throws VireoError {
        String xml = call.backupXml();
        BackupXml asked = xml == null || xml.isBlank() ? BackupXml.defaults() : BackupXml.parse(xml);
        if ("pull".equals(asked.mode()) || asked.server()) {
            throw VireoError.unsupported("pull mode backups (an NBD export) are not supported yet; use push mode");
        }
        if (asked.incremental() != null || asked.disks().stream().anyMatch(d -> "incremental".equals(d.backupMode()))) {
            throw VireoError.unsupported("incremental backups (checkpoints) are not supported yet; a backup is always full");
        }
        boolean reuse = call.reuseExternal();
        lifecycle.withRunning(call.domain(), "backup-begin", guest -> {
            start(guest, asked, reuse);
            return null;
        });
        return Results.object();
    }

    /** A disk to back up: the disk, its target image and how it was made. */
    private record Planned(DiskStorage disk, ImageNode top, Path target, String type, String format, boolean created) {
    }

    private void start(LiveGuest guest, BackupXml asked, boolean reuse) throws VireoError {
        BlockJobs jobs = guest.blockJobs();
        if (jobs == null) guest.monitor();
        if (!backupJobs(jobs).isEmpty()) {
            throw VireoError.wrongState("domain '" + guest.name() + "' already runs a backup (see domjobinfo, domjobabort)");
        }
        for (BackupXml.Disk d : asked.disks()) {
            if (guest.plan().disk(d.name()).isEmpty()) {
                throw VireoError.invalidArgument("the backup XML names disk '" + d.name() + "', which domain '"
                        + guest.name() + "' does not have");
            }
        }
        long now = System.currentTimeMillis();
        List<Planned> planned = new ArrayList<>();
        try {
            for (DiskStorage disk : guest.plan().disks()) {
                BackupXml.Disk d = asked.disks().stream().filter(x -> x.name().equals(disk.dev())).findFirst().orElse(null);
                if (d != null && Boolean.FALSE.equals(d.backup())) continue;
                if (disk.empty() || (d == null && disk.top().orElseThrow().readOnly())) continue;
                if (jobs.onDisk(disk.dev()).isPresent()) {
                    throw VireoError.wrongState("disk '" + disk.dev() + "' already in active block job '"
                            + jobs.onDisk(disk.dev()).get().id() + "'");
                }
                planned.add(prepare(disk, d, reuse, now));
            }
            if (planned.isEmpty()) throw VireoError.invalidArgument("domain '" + guest.name() + "' has no disk to back up");
        } catch (VireoError e) {
            deleteCreated(planned);
            throw e;
        }

        List<ImageNode> added = new ArrayList<>();
        try {
            int index = NewImageIndex.next(guest);
            List<BlockJob> group = new ArrayList<>();
            List<TransactionAction> actions = new ArrayList<>();
            for (Planned p : planned) {
                ImageNode target = LiveImages.add(guest.monitor(), new LiveImages.NewImage(index++, p.target(), p.format(), false),
                        p.disk(), null);
                added.add(target);
                String id = "backup-" + p.disk().dev() + "-" + p.top().formatNodeName();
                Map<String, String> roles = new LinkedHashMap<>();
                roles.put(TOP, p.top().formatNodeName());
                roles.put(TARGET, target.formatNodeName());
                roles.put(PATH, p.target().toString());
                roles.put(FORMAT, p.format());
                roles.put(TYPE, p.type());
                roles.put(CREATED, Boolean.toString(p.created()));
                roles.put(STARTED, Long.toString(now));
                group.add(BlockJob.registered(id, BlockJobKind.BACKUP, p.disk().dev(), roles));
                actions.add(new TransactionAction.Backup(new BlockdevBackup(JobOptions.tracked(id).withSpeed(TEST_SPEED), p.top().formatNodeName(),
                        target.formatNodeName(), "full")));
            }
            jobs.startAll(group, m -> m.transaction(actions));
        } catch (VireoError | IOException | DomainBusyException | RuntimeException e) {
            for (ImageNode n : added.reversed()) {
                try {
                    LiveImages.remove(guest.monitor(), n);
                } catch (VireoError cleanup) {
                    e.addSuppressed(cleanup);
                }
            }
            deleteCreated(planned);
            if (e instanceof VireoError v) throw v;
            if (e instanceof DomainBusyException b) throw VireoError.busy(b.getMessage());
            if (e instanceof dev.vireo.qmp.QmpCommandException q) {
                throw VireoError.failed("blockdev-backup refused by QEMU: " + q.errorClass() + ": " + q.description(), q);
            }
            throw VireoError.failed("cannot start the backup of domain '" + guest.name() + "': " + e.getMessage(), e);
        }
        ending.remove(guest.name());
        Log.info("backup of " + guest.name() + " started: " + String.join(", ",
                planned.stream().map(p -> p.disk().dev() + " -> " + p.target()).toList()));
    }

    /** Creates (or with {@code --reuse-external} checks) one disk's target; libvirt's default name is {@code PATH.EPOCH}. */
    private Planned prepare(DiskStorage disk, BackupXml.Disk asked, boolean reuse, long nowMillis) throws VireoError {
        ImageNode top = disk.top().orElseThrow();
        String format = asked != null && asked.format() != null ? asked.format() : "qcow2";
        if (ImageFormat.forName(format).isEmpty()) {
            throw VireoError.invalidArgument("unknown backup format '" + format + "' for disk '" + disk.dev() + "' (known: "
                    + ImageFormat.knownNames() + ")");
        }
        Path target = Path.of(asked != null && asked.target() != null ? asked.target() : top.path() + "." + nowMillis / 1000);
        String type = asked != null && asked.type() != null ? asked.type() : "file";
        try {
            return files.<Planned, VireoError>run("preparing the backup target " + target, () -> {
                long size = sizeOf(Path.of(top.path()), top.format());
                if (reuse) {
                    if (!Files.exists(target)) {
                        throw VireoError.invalidArgument("missing backup target for disk '" + disk.dev() + "': " + target);
                    }
                    long has = sizeOf(target, format);
                    if (has < size) {
                        throw VireoError.invalidArgument("backup target " + target + " has " + has + " bytes, disk '"
                                + disk.dev() + "' has " + size);
                    }
                    return new Planned(disk, top, target, type, format, false);
                }
                if (Files.exists(target) && (!Files.isRegularFile(target) || Files.size(target) > 0)) {
                    throw VireoError.invalidArgument("backup target for disk '" + disk.dev() + "' already exists: " + target
                            + " (use --reuse-external to write into it)");
                }
                QemuImg.create(target, format, size, null, null);
                return new Planned(disk, top, target, type, format, true);
            });
        } catch (IOException e) {
            throw VireoError.failed("cannot prepare the backup target " + target + ": " + e.getMessage(), e);
        }
    }

    private static long sizeOf(Path image, String format) throws VireoError, IOException {
        try {
            return ImageInfo.read(image, ImageFormat.parse(format)).virtualSize().orElse(Files.size(image));
        } catch (StorageException | IllegalArgumentException e) {
            throw VireoError.invalidArgument("cannot read " + image + " as " + format + ": " + e.getMessage());
        }
    }

    private static void deleteCreated(List<Planned> planned) {
        for (Planned p : planned) {
            if (!p.created()) continue;
            try {
                Files.deleteIfExists(p.target());
            } catch (IOException e) {
                Log.warn("cannot remove the backup target " + p.target(), e);
            }
        }
    }

    // --- backup-dumpxml, domjobinfo, domjobabort ---------------------------------------------

    private static List<BlockJob> backupJobs(BlockJobs jobs) {
        return jobs == null ? List.of() : jobs.list().stream().filter(j -> j.kind() == BlockJobKind.BACKUP && j.outcome() == null).toList();
    }

    private JsonNode dumpXml(BackupDumpXml call) throws VireoError {
        String xml = lifecycle.withRunning(call.domain(), "backup-dumpxml", guest -> {
            List<BlockJob> jobs = backupJobs(guest.blockJobs());
            if (jobs.isEmpty()) throw VireoError.invalidArgument("no domain backup job present on domain '" + guest.name() + "'");
            List<BackupXml.Disk> disks = new ArrayList<>();
            for (BlockJob j : jobs) {
                disks.add(new BackupXml.Disk(j.disk(), true, j.nodes().get(TYPE), "full", j.nodes().get(PATH),
                        j.nodes().get(FORMAT), BlockCopyOps.imageIndexOf(j.nodes().get(TARGET))));
            }
            return new BackupXml("push", null, false, disks).format();
        });
        return Results.text(xml);
    }

    /**
     * {@code domjobinfo}: the running backup's progress from {@code query-jobs} (bytes copied of
     * the disks' sizes), or with {@code completed} the summary of the last backup that ended.
     * {@code {"type": "Unbounded"|"Completed"|"Cancelled"|"Failed"|"None", "operation": "Backup",
     * "elapsedMillis", "processed", "remaining", "total"}}.
     */
    private JsonNode jobInfo(DomJobInfo call) throws VireoError {
        boolean last = call.completed();
        Summary s = lifecycle.withRunning(call.domain(), "domjobinfo", guest -> {
            if (last) {
                CompletedJob c = guest.completedJob();
                return c == null ? null : new Summary(c.type(), c.startedMillis(), c.elapsedMillis(), c.processed(), c.total());
            }
            List<BlockJob> jobs = backupJobs(guest.blockJobs());
            if (jobs.isEmpty()) return null;
            Map<String, JobInfo> qemu = new LinkedHashMap<>();
            for (JobInfo q : guest.qmp("query-jobs", m -> m.queryJobs())) qemu.put(q.id(), q);
            long processed = 0;
            long total = 0;
            long started = Long.MAX_VALUE;
            for (BlockJob j : jobs) {
                JobInfo q = qemu.get(j.id());
                processed += q == null ? j.offset() : q.currentProgress();
                total += q == null ? j.length() : q.totalProgress();
                started = Math.min(started, startedOf(j));
            }
            // jobs of the same backup that already ended count with their final figures
            Summary done = ending.get(guest.name());
            if (done != null) {
                processed += done.processed();
                total += done.total();
            }
            return new Summary("Unbounded", started, System.currentTimeMillis() - started, processed, total);
        });
        ObjectNode o = Results.object();
        if (s == null) return o.put("type", "None");
        return o.put("type", s.type()).put("operation", "Backup").put("elapsedMillis", s.elapsedMillis())
                .put("processed", s.processed()).put("remaining", Math.max(0, s.total() - s.processed())).put("total", s.total());
    }

    private static long startedOf(BlockJob j) {
        try {
            return Long.parseLong(j.nodes().getOrDefault(STARTED, ""));
        } catch (NumberFormatException e) {
            return System.currentTimeMillis();
        }
    }

    private JsonNode abort(DomJobAbort call) throws VireoError {
        lifecycle.withRunning(call.domain(), "domjobabort", guest -> {
            List<BlockJob> jobs = backupJobs(guest.blockJobs());
            if (jobs.isEmpty()) throw VireoError.wrongState("no job is active on domain '" + guest.name() + "'");
            for (BlockJob j : jobs) {
                try {
                    guest.blockJobs().abort(j.id());
                } catch (dev.vireo.qmp.QmpCommandException e) {
                    throw VireoError.failed("job-cancel of " + j.id() + " refused by QEMU: " + e.errorClass() + ": " + e.description(), e);
                } catch (IOException e) {
                    throw VireoError.failed("cannot abort backup job " + j.id() + ": " + e.getMessage(), e);
                } catch (IllegalStateException ended) {
                    // this disk's job ended meanwhile
                }
            }
            return null;
        });
        return Results.object();
    }

    // --- the end of each disk's job ----------------------------------------------------------

    /** A backup changes no definition; each disk's target leaves QEMU when its job ends. */
    private final class Conclusion implements JobConclusion {

        @Override
        public void apply(LiveGuest guest, BlockJob job) {
            // nothing in the definitions refers to a backup's target
        }

        @Override
        public void released(LiveGuest guest, BlockJob job) throws VireoError {
            try {
                ReleasedImages.release(guest, List.of(BlockCopyOps.imageIndexOf(job.nodes().get(TARGET))));
            } finally {
                if (job.outcome() != BlockJobOutcome.COMPLETED && Boolean.parseBoolean(job.nodes().get(CREATED))) {
                    // an incomplete backup is no backup: libvirt removes the files it made, too
                    try {
                        Files.deleteIfExists(Path.of(job.nodes().get(PATH)));
                    } catch (IOException e) {
                        Log.warn("cannot remove the target of the incomplete backup " + job.id(), e);
                    }
                }
                account(guest, job);
            }
        }

        /** Adds the job to its backup's summary; the last job of the backup makes it the completed one. */
        private void account(LiveGuest guest, BlockJob job) throws VireoError {
            String type = switch (job.outcome()) {
                case COMPLETED -> "Completed";
                case CANCELED -> "Cancelled";
                case FAILED -> "Failed";
            };
            long started = startedOf(job);
            Summary sum = ending.merge(guest.name(), new Summary(type, started, 0, job.offset(), job.length()), (a, b) ->
                    new Summary(worse(a.type(), b.type()), Math.min(a.startedMillis(), b.startedMillis()), 0,
                            a.processed() + b.processed(), a.total() + b.total()));
            if (backupJobs(guest.blockJobs()).isEmpty()) {
                ending.remove(guest.name());
                guest.recordCompletedJob(new CompletedJob(sum.type(), "Backup", sum.startedMillis(),
                        System.currentTimeMillis() - sum.startedMillis(), sum.processed(), sum.total()));
                Log.info("backup of " + guest.name() + " ended: " + sum.type().toLowerCase(java.util.Locale.ROOT));
            }
        }

        private static String worse(String a, String b) {
            if (a.equals("Failed") || b.equals("Failed")) return "Failed";
            if (a.equals("Cancelled") || b.equals("Cancelled")) return "Cancelled";
            return "Completed";
        }
    }
}
