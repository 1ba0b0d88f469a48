package dev.vireo.cli;

import dev.vireo.client.JsonText;
import dev.vireo.client.VireoClient;
import dev.vireo.client.VireoClient.BlockCopyOptions;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import static dev.vireo.cli.CommandSpec.named;

/**
 * {@code blockcopy}, with virsh's options, messages and exit status (docs/block-jobs.md): starts
 * the copy; with {@code --wait} (implied by {@code --pivot}, {@code --finish} and
 * {@code --timeout}) waits until it is in sync, then pivots, finishes or leaves it mirroring.
 * Waiting and progress are {@link BlockJobWait}'s, as for every block job.
 */
final class BlockCopyCommands {
    private static final String LABEL = "Block Copy";

    static final CommandSpec BLOCKCOPY = named("blockcopy", "Copy a running disk to a new image; pivot onto it or keep it as a copy.")
            .option("PATH", "the copy's file (an absolute path)", "--dest")
            .option("FILE", "the copy described as a <disk> XML (type file or block, <source>, <driver type>) instead of --dest", "--xml")
            .option("FORMAT", "the copy's format (default: the disk's; probed with --reuse-external)", "--format")
            .flag("--shallow", "copy only the top image; the copy gets the disk's backing image as its backing")
            .flag("--reuse-external", "copy into an existing file of the disk's size instead of creating it")
            .flag("--blockdev", "the destination is a block device")
            .option("N", "speed limit (MiB/s, or bytes/s with --bytes)", "--bandwidth")
            .flag("--bytes", "--bandwidth is in bytes per second")
            .option("N", "the dirty bitmap's granularity in bytes (a power of two)", "--granularity")
            .option("N", "the most bytes the copy has in flight", "--buf-size")
            .flag("--transient-job", "allow the copy on a persistent domain (it ends with the guest)")
            .flag("--synchronous-writes", "guest writes reach both images before they complete (the copy then converges)")
            .flag("--wait", "wait until the copy is in sync (mirroring)")
            .flag("--verbose", "while waiting: show the progress on stderr")
            .intOption("--timeout", "SECONDS", "abort the copy if it is not in sync after this long (implies --wait)")
            .flag("--pivot", "once in sync, switch the disk over to the copy (implies --wait)")
            .flag("--finish", "once in sync, end the copy and keep the disk on its source (implies --wait)")
            .flag("--async", "with --timeout: do not wait for the aborted copy to end")
            .flag("--print-xml", "print the <disk> the copy would be, and copy nothing")
            .flag("--json", "print the job (or the wait's result) as JSON")
            .param("DOMAIN", "domain name, id or uuid").param("DISK", "the disk's target (vda) or source path")
            .runs(BlockCopyCommands::blockCopy);

    private BlockCopyCommands() {
    }

    private static void blockCopy(Invocation in, VireoClient client, PrintWriter out) throws Exception {
        Destination d = destination(in);
        String dest = d.path();
        if (in.flag("--pivot") && in.flag("--finish")) throw new UsageException("--pivot and --finish exclude each other");
        boolean wait = in.flag("--wait") || in.flag("--pivot") || in.flag("--finish") || in.option("--timeout") != null;
        for (String o : new String[] {"--verbose", "--async"}) {
            if (in.flag(o) && !wait) {
                throw new UsageException(o + " requires at least one of --timeout, --wait, --pivot, or --finish");
            }
        }
        if (in.flag("--print-xml")) {
            printXml(out, d);
            return;
        }
        BlockCopyOptions options = new BlockCopyOptions(dest, d.format(), in.flag("--shallow"),
                in.flag("--reuse-external"), d.blockDevice(), BlockJobCommands.bandwidth(in),
                size(in, "--granularity"), size(in, "--buf-size"), in.flag("--transient-job"), in.flag("--synchronous-writes"));
        String domain = in.param(0);
        String disk = in.param(1);
        if (!wait) {
            VireoClient.JobRef job = client.blockCopy(domain, disk, options);
            if (in.flag("--json")) out.println(JsonText.pretty(Map.of("job", job.job(), "kind", job.kind(), "disk", job.disk())));
            else out.printf("Block Copy started%n%n");
            return;
        }
        try (BlockJobWait listener = BlockJobWait.listen(client, domain)) {
            VireoClient.JobRef job = client.blockCopy(domain, disk, options);
            BlockJobWait.Result r = listener.await(client, domain, disk, job.job(), BlockJobCommands.options(in, LABEL), in.err());
            if (r.end() != BlockJobWait.End.READY || !(in.flag("--pivot") || in.flag("--finish"))) {
                BlockJobCommands.report(in, out, job.kind(), job.job(), r);
                return;
            }
            if (in.flag("--pivot")) client.blockJobPivot(domain, disk);
            else client.blockJobAbort(domain, disk);
            BlockJobWait.Result end = listener.await(client, domain, disk, job.job(),
                    new BlockJobWait.Options(LABEL, false, null, false, true), in.err());
            boolean done = in.flag("--pivot") ? end.end() == BlockJobWait.End.COMPLETED
                    : end.end() == BlockJobWait.End.CANCELED || end.end() == BlockJobWait.End.COMPLETED;
            if (!done) {
                BlockJobCommands.report(in, out, job.kind(), job.job(), end);
                return;
            }
            if (in.flag("--json")) {
                Map<String, Object> o = new LinkedHashMap<>();
                o.put("job", job.job());
                o.put("kind", job.kind());
                o.put("status", in.flag("--pivot") ? "pivoted" : "copied");
                o.put("seconds", (r.waitedNanos() + end.waitedNanos()) / 1e9);
                out.println(JsonText.pretty(o));
            } else {
                out.println();
                out.println(in.flag("--pivot") ? "Successfully pivoted" : "Successfully copied");
            }
        }
    }

    /** Where to copy: a file or block device, and its format (null: the disk's, or probed). */
    record Destination(String path, String format, boolean blockDevice) {
    }

    /** {@code --dest} with {@code --format}/{@code --blockdev}, or {@code --xml} (virsh's exclusions). */
    private static Destination destination(Invocation in) throws Exception {
        String xml = in.option("--xml");
        if (xml == null) {
            String dest = in.option("--dest");
            if (dest == null) throw new UsageException("need either --dest or --xml");
            return new Destination(dest, in.option("--format"), in.flag("--blockdev"));
        }
        for (String o : new String[] {"--dest", "--format"}) {
            if (in.option(o) != null) throw new UsageException(o + " and --xml exclude each other");
        }
        if (in.flag("--blockdev")) throw new UsageException("--blockdev and --xml exclude each other");
        return CopyDestinationXml.read(Path.of(xml));
    }

    /** virsh's {@code --print-xml}: the destination as a {@code <disk>}. */
    private static void printXml(PrintWriter out, Destination d) {
        boolean block = d.blockDevice();
        out.printf("<disk type='%s'>%n", block ? "block" : "file");
        out.printf("  <source %s='%s'/>%n", block ? "dev" : "file", escape(d.path()));
        if (d.format() != null) out.printf("  <driver type='%s'/>%n", escape(d.format()));
        out.println("</disk>");
        out.println();
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("'", "&apos;").replace("<", "&lt;");
    }

    private static long size(Invocation in, String option) throws UsageException {
        String v = in.option(option);
        if (v == null) return 0;
        try {
            long n = Long.parseLong(v);
            if (n <= 0) throw new UsageException(option + ": '" + v + "' must be a positive number of bytes");
            return n;
        } catch (NumberFormatException e) {
            throw new UsageException(option + ": '" + v + "' is not a whole number");
        }
    }
}
