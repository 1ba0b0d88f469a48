package dev.vireo.cli;

import dev.vireo.client.JsonText;
import dev.vireo.client.VireoClient;
import dev.vireo.client.VireoException;
import dev.vireo.protocol.BlockJobState;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import static dev.vireo.cli.CommandSpec.named;

/**
 * Long block jobs: {@code blockpull}, {@code blockcommit}, {@code blockjob}, with virsh's options,
 * messages and exit status (see docs/block-jobs.md). Waiting is {@link BlockJobWait}'s.
 */
final class BlockJobCommands {
    private static final String DOMAIN = "DOMAIN";
    private static final String ANY_DOMAIN = "domain name, id or uuid";
    private static final String DISK = "DISK";
    private static final String ANY_DISK = "the disk's target (vda) or source path";

    static final CommandSpec BLOCKJOB = named("blockjob", "Show or control a disk's block job (info by default).")
            .flag("--info", "show the job's progress (the default)")
            .flag("--raw", "with --info: type, bandwidth, cur and end as raw values")
            .flag("--bytes", "bandwidth in bytes per second rather than MiB/s")
            .flag("--abort", "cancel the job (a READY copy or active commit keeps the old disk)")
            .flag("--async", "with --abort: do not wait for the job to end")
            .flag("--pivot", "switch a READY copy or active commit over to its target")
            .option("N", "set the job's speed limit (MiB/s, or bytes/s with --bytes; 0 for none)", "--bandwidth")
            .flag("--pause", "pause the job")
            .flag("--resume", "resume a paused job (also one paused by an I/O error)")
            .flag("--wait", "wait for the job to end or be READY")
            .flag("--verbose", "with --wait: show the progress on stderr")
            .intOption("--timeout", "SECONDS", "with --wait: abort the job after this long")
            .flag("--json", "print the job's state (or the wait's result) as JSON")
            .param(DOMAIN, ANY_DOMAIN).param(DISK, ANY_DISK)
            .runs(BlockJobCommands::blockJob);

    static final CommandSpec BLOCKPULL = named("blockpull", "Pull a disk's backing layers into its top image while it runs.")
            .option("PATH", "keep this layer (a path or vda[N]) and what is below it; pull only the layers above it", "--base")
            .option("N", "speed limit (MiB/s, or bytes/s with --bytes)", "--bandwidth")
            .flag("--bytes", "--bandwidth is in bytes per second")
            .flag("--wait", "wait for the pull to end")
            .flag("--verbose", "with --wait: show the progress on stderr")
            .intOption("--timeout", "SECONDS", "with --wait: abort the pull after this long")
            .flag("--async", "with --timeout: do not wait for the aborted job to end")
            .flag("--keep-relative", "with --base: write the base's path relative to the top image into its header")
            .flag("--json", "print the job (or the wait's result) as JSON")
            .param(DOMAIN, ANY_DOMAIN).param(DISK, ANY_DISK)
            .runs(BlockJobCommands::blockPull);

    static final CommandSpec BLOCKCOMMIT = named("blockcommit", "Commit layers of a disk's chain down into a lower one while it runs.")
            .option("PATH", "the layer to commit from (a path or vda[N]); the disk's top image when left out", "--top")
            .option("PATH", "the layer to commit into (a path or vda[N]); the bottom of the chain when left out", "--base")
            .flag("--shallow", "commit into the layer just below top")
            .flag("--active", "commit the disk's top image (two phases: in sync, then pivot or abort)")
            .flag("--pivot", "with an active commit: once in sync, switch the disk to the base (implies --active --wait)")
            .flag("--keep-overlay", "with an active commit: once in sync, end it and keep the top image (implies --active --wait)")
            .flag("--delete", "delete the committed images' files once the commit completed")
            .option("N", "speed limit (MiB/s, or bytes/s with --bytes)", "--bandwidth")
            .flag("--bytes", "--bandwidth is in bytes per second")
            .flag("--wait", "wait for the commit to end (an active commit: to be in sync)")
            .flag("--verbose", "show the progress on stderr while waiting")
            .intOption("--timeout", "SECONDS", "abort the commit after this long (implies waiting)")
            .flag("--async", "with --timeout: do not wait for the aborted job to end")
            .flag("--keep-relative", "write the base's path relative to the overlay above top into its header")
            .flag("--json", "print the job (or the wait's result) as JSON")
            .param(DOMAIN, ANY_DOMAIN).param(DISK, ANY_DISK)
            .runs(BlockJobCommands::blockCommit);

    private BlockJobCommands() {
    }

    // --- blockcommit -------------------------------------------------------------------------

    private static void blockCommit(Invocation in, VireoClient client, PrintWriter out) throws Exception {
        boolean pivot = in.flag("--pivot");
        boolean keepOverlay = in.flag("--keep-overlay");
        if (pivot && keepOverlay) throw new UsageException("--pivot and --keep-overlay exclude each other");
        boolean wait = in.flag("--wait") || pivot || keepOverlay || in.option("--timeout") != null;
        for (String o : new String[] {"--verbose", "--async"}) {
            if (in.flag(o) && !wait) {
                throw new UsageException(o + " requires at least one of --timeout, --wait, --pivot, or --keep-overlay");
            }
        }
        String domain = in.param(0);
        String disk = in.param(1);
        VireoClient.CommitOptions options = new VireoClient.CommitOptions(in.option("--top"), in.option("--base"),
                in.flag("--shallow"), in.flag("--active") || pivot || keepOverlay, in.flag("--delete"),
                in.flag("--keep-relative"), bandwidth(in));
        if (!wait) {
            VireoClient.JobRef job = client.blockCommit(domain, disk, options);
            if (in.flag("--json")) out.println(JsonText.pretty(ref(job)));
            else out.println(job.label() + " started");
            return;
        }
        try (BlockJobWait listener = BlockJobWait.listen(client, domain)) {
            VireoClient.JobRef job = client.blockCommit(domain, disk, options);
            BlockJobWait.Options waiting = options(in, "Block commit");
            BlockJobWait.Result r = listener.await(client, domain, disk, job.job(), waiting, in.err());
            if (r.end() == BlockJobWait.End.READY && (pivot || keepOverlay)) {
                if (pivot) client.blockJobPivot(domain, disk);
                else client.blockJobAbort(domain, disk);
                BlockJobWait.Result end = listener.await(client, domain, disk, job.job(), waiting.waitingPastReady(), in.err());
                if (pivot && end.end() != BlockJobWait.End.COMPLETED) {
                    throw new VireoException("operation-failed", "failed to pivot job for disk " + disk
                            + (end.error() == null ? "" : ": " + end.error()));
                }
                if (keepOverlay && end.end() == BlockJobWait.End.CANCELED) {
                    if (in.flag("--json")) report(in, out, job.kind(), job.job(), new BlockJobWait.Result(
                            BlockJobWait.End.COMPLETED, null, end.last(), end.waitedNanos()));
                    else out.println("\nCommit complete, overlay image kept");
                    return;
                }
                r = end;
            }
            report(in, out, job.kind(), job.job(), r);
        }
    }

    // --- blockpull ---------------------------------------------------------------------------

    private static void blockPull(Invocation in, VireoClient client, PrintWriter out) throws Exception {
        boolean wait = in.flag("--wait");
        requireWait(in, wait, "--verbose", "--timeout", "--async");
        long bandwidth = bandwidth(in);
        String domain = in.param(0);
        String disk = in.param(1);
        if (!wait) {
            VireoClient.JobRef job = client.blockPull(domain, disk, in.option("--base"), bandwidth, in.flag("--keep-relative"));
            if (in.flag("--json")) out.println(JsonText.pretty(ref(job)));
            else out.println("Block Pull started");
            return;
        }
        try (BlockJobWait listener = BlockJobWait.listen(client, domain)) {
            VireoClient.JobRef job = client.blockPull(domain, disk, in.option("--base"), bandwidth, in.flag("--keep-relative"));
            BlockJobWait.Result r = listener.await(client, domain, disk, job.job(), options(in, "Block Pull"), in.err());
            report(in, out, job.kind(), job.job(), r);
        }
    }

    // --- blockjob ----------------------------------------------------------------------------

    private static void blockJob(Invocation in, VireoClient client, PrintWriter out) throws Exception {
        String domain = in.param(0);
        String disk = in.param(1);
        boolean abort = in.flag("--abort") || in.flag("--async") || in.flag("--pivot");
        String bandwidth = in.option("--bandwidth");
        int modes = (abort ? 1 : 0) + (bandwidth != null ? 1 : 0) + (in.flag("--pause") ? 1 : 0)
                + (in.flag("--resume") ? 1 : 0) + (in.flag("--wait") ? 1 : 0) + (in.flag("--info") ? 1 : 0);
        if (modes > 1) {
            throw new UsageException("blockjob: choose one of --info, --abort/--pivot, --bandwidth, --pause, --resume, --wait");
        }
        if (!in.flag("--wait") && (in.flag("--verbose") || in.option("--timeout") != null)) {
            throw new UsageException("--verbose and --timeout need --wait");
        }
        if (abort) {
            if (in.flag("--abort") && in.flag("--pivot")) throw new UsageException("--abort and --pivot exclude each other");
            BlockJobWait listener = in.flag("--async") ? null : BlockJobWait.listen(client, domain);
            try {
                VireoClient.JobRef job = in.flag("--pivot") ? client.blockJobPivot(domain, disk) : client.blockJobAbort(domain, disk);
                if (listener != null) {
                    BlockJobWait.Result r = listener.await(client, domain, disk, job.job(),
                            new BlockJobWait.Options(job.label(), false, null, false, true), in.err());
                    if (r.end() == BlockJobWait.End.FAILED) {
                        throw new VireoException("operation-failed", (in.flag("--pivot")
                                ? "block job '" + job.job() + "' failed while pivoting: " : "block job '" + job.job() + "' failed: ")
                                + r.error());
                    }
                }
            } finally {
                if (listener != null) listener.close();
            }
            out.println();
            return;
        }
        if (bandwidth != null) {
            client.blockJobSetSpeed(domain, disk, bandwidth(in));
            out.println();
            return;
        }
        if (in.flag("--pause")) {
            client.blockJobPause(domain, disk);
            out.println();
            return;
        }
        if (in.flag("--resume")) {
            client.blockJobResume(domain, disk);
            out.println();
            return;
        }
        if (in.flag("--wait")) {
            try (BlockJobWait listener = BlockJobWait.listen(client, domain)) {
                BlockJobState now = client.blockJobInfo(domain, disk);
                if (now == null) {
                    noJob(in, out, disk);
                    return;
                }
                BlockJobWait.Result r = listener.await(client, domain, disk, now.job(), options(in, now.label()), in.err());
                report(in, out, now.kind(), now.job(), r);
            }
            return;
        }
        info(in, client, out, domain, disk);
    }

    private static void info(Invocation in, VireoClient client, PrintWriter out, String domain, String disk) throws Exception {
        BlockJobState s = client.blockJobInfo(domain, disk);
        if (s == null) {
            noJob(in, out, disk);
            return;
        }
        if (in.flag("--json")) {
            out.println(JsonText.pretty(json(s)));
            return;
        }
        long shownBandwidth = in.flag("--bytes") ? s.bandwidth() : (s.bandwidth() + (1L << 20) - 1) >> 20;
        if (in.flag("--raw")) {
            out.printf(" type=%s%n bandwidth=%d%n cur=%d%n end=%d%n", s.label(), shownBandwidth, s.cur(), s.end());
            return;
        }
        in.err().printf("\r%s: [%3d %%]", s.label(), JobProgress.percent(s.cur(), s.end()));
        in.err().flush();
        if (s.paused()) out.print("    (paused" + (s.ioStatus() != null && !"ok".equals(s.ioStatus()) ? " by an I/O error: " + s.ioStatus() : "") + ")");
        if (s.bandwidth() != 0) {
            out.printf(Locale.ROOT, "    Bandwidth limit: %d bytes/s (%s/s)", s.bandwidth(), prettyMiB(s.bandwidth()));
        }
        out.println();
    }

    private static void noJob(Invocation in, PrintWriter out, String disk) {
        if (in.flag("--json")) out.println("{\"job\": null}");
        else out.println("No current block job for " + disk);
    }

    // --- shared ------------------------------------------------------------------------------

    /** {@code --bandwidth}: MiB/s unless {@code --bytes}; 0 when not given. */
    static long bandwidth(Invocation in) throws UsageException {
        String v = in.option("--bandwidth");
        if (v == null) return 0;
        long n;
        try {
            n = Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new UsageException("--bandwidth: '" + v + "' is not a whole number");
        }
        if (n < 0) throw new UsageException("--bandwidth: '" + v + "' is negative");
        if (in.flag("--bytes")) return n;
        if (n > (Long.MAX_VALUE >> 20)) throw new UsageException("--bandwidth: " + v + " MiB/s is too large");
        return n << 20;
    }

    static void requireWait(Invocation in, boolean waiting, String... options) throws UsageException {
        if (waiting) return;
        for (String o : options) {
            if (in.flag(o) || in.option(o) != null) throw new UsageException(o + " requires --wait");
        }
    }

    static BlockJobWait.Options options(Invocation in, String label) {
        Integer t = in.intOption("--timeout");
        return new BlockJobWait.Options(label, in.flag("--verbose"), t == null ? null : Duration.ofSeconds(t),
                in.flag("--async"));
    }

    /**
     * Prints the end of a wait as virsh does (an empty line, then e.g. {@code Pull complete}) and
     * ends with status 1 when the job was aborted or failed.
     */
    static void report(Invocation in, PrintWriter out, String kind, String job, BlockJobWait.Result r) throws Exception {
        if (in.flag("--json")) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("job", job);
            o.put("kind", kind);
            o.put("status", r.end().name().toLowerCase(Locale.ROOT));
            o.put("error", r.error());
            o.put("seconds", r.waitedNanos() / 1e9);
            out.println(JsonText.pretty(o));
        } else {
            out.println();
            switch (r.end()) {
                case COMPLETED -> out.println(completed(kind));
                case READY -> out.println(ready(kind));
                case CANCELED -> out.println(verb(kind) + " aborted");
                case FAILED -> {
                }
            }
        }
        if (r.end() == BlockJobWait.End.FAILED) {
            out.flush();
            throw new VireoException("operation-failed",
                    verb(kind) + " failed" + (r.error() == null ? "" : ": " + r.error()));
        }
        if (r.end() == BlockJobWait.End.CANCELED) {
            out.flush();
            throw new ExitStatus(1);
        }
    }

    /** virsh's word for the kind's messages ({@code Pull complete}, {@code Commit aborted}, ...). */
    static String verb(String kind) {
        return switch (kind) {
            case "PULL" -> "Pull";
            case "COMMIT", "ACTIVE_COMMIT" -> "Commit";
            case "COPY" -> "Copy";
            case "BACKUP" -> "Backup";
            default -> "Job";
        };
    }

    static String completed(String kind) {
        return switch (kind) {
            case "PULL" -> "Pull complete";
            case "COMMIT" -> "Commit complete";
            case "ACTIVE_COMMIT", "COPY" -> "Successfully pivoted";
            case "BACKUP" -> "Backup complete";
            default -> "Job complete";
        };
    }

    static String ready(String kind) {
        return switch (kind) {
            case "ACTIVE_COMMIT" -> "Now in synchronized phase";
            case "COPY" -> "Now in mirroring phase";
            default -> "Job ready";
        };
    }

    private static Map<String, Object> ref(VireoClient.JobRef j) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("job", j.job());
        o.put("kind", j.kind());
        o.put("label", j.label());
        o.put("disk", j.disk());
        return o;
    }

    static Map<String, Object> json(BlockJobState s) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("job", s.job());
        o.put("kind", s.kind());
        o.put("label", s.label());
        o.put("disk", s.disk());
        o.put("state", s.state());
        o.put("cur", s.cur());
        o.put("end", s.end());
        o.put("bandwidth", s.bandwidth());
        o.put("ready", s.ready());
        o.put("paused", s.paused());
        o.put("ioStatus", s.ioStatus());
        o.put("error", s.error());
        return o;
    }

    private static String prettyMiB(long bytes) {
        String[] units = {"B", "KiB", "MiB", "GiB", "TiB"};
        double v = bytes;
        int u = 0;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return String.format(Locale.ROOT, "%.3f %s", v, units[u]);
    }
}
