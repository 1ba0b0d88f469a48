package dev.vireo.cli;

import dev.vireo.client.JsonText;
import dev.vireo.client.VireoClient;
import dev.vireo.protocol.ops.DiskRequests.BlkDevIoTune;
import dev.vireo.protocol.ops.DiskRequests.BlockResize;
import dev.vireo.protocol.ops.DiskRequests.DomBlkError;
import dev.vireo.protocol.ops.DiskRequests.DomBlkThreshold;
import dev.vireo.protocol.ops.DiskRequests.DomStats;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.vireo.cli.CommandSpec.named;

/**
 * Live disk administration (docs/disk-admin.md): {@code blockresize}, {@code blkdeviotune},
 * {@code domblkerror}, {@code domblkthreshold}, {@code domstats}, with virsh's options and output;
 * {@code --json} prints the daemon's result instead.
 */
final class DiskAdminCommands {
    private static final String DOMAIN = "DOMAIN";
    private static final String ANY_DOMAIN = "domain name, id or uuid";
    private static final String JSON = "--json";

    /** blkdeviotune's numeric options, in virsh's order; the bytes ones take scaled values. */
    private static final List<String> IOTUNE_OPTIONS = List.of(
            "total-bytes-sec", "read-bytes-sec", "write-bytes-sec", "total-iops-sec", "read-iops-sec", "write-iops-sec",
            "total-bytes-sec-max", "read-bytes-sec-max", "write-bytes-sec-max", "total-iops-sec-max",
            "read-iops-sec-max", "write-iops-sec-max", "size-iops-sec",
            "total-bytes-sec-max-length", "read-bytes-sec-max-length", "write-bytes-sec-max-length",
            "total-iops-sec-max-length", "read-iops-sec-max-length", "write-iops-sec-max-length");

    static final CommandSpec BLOCKRESIZE = named("blockresize", "Resize a disk's top image (running or shut off).")
            .flag("--capacity", "resize a raw disk to the full size of its block device (no SIZE)")
            .flag("--shrink", "allow a size below the current one (the data past it is lost)")
            .flag(JSON, "print the result as JSON")
            .param(DOMAIN, ANY_DOMAIN)
            .param("PATH", "the disk's target (vda) or source path")
            .optionalParam("SIZE", "the new size, a scaled integer (default KiB; suffix B for bytes)")
            .runs(DiskAdminCommands::blockResize);

    static final CommandSpec BLKDEVIOTUNE = iotuneSpec();

    static final CommandSpec DOMBLKERROR = named("domblkerror", "Show the disks a running domain's I/O errors stopped.")
            .flag(JSON, "print the errors as a JSON array")
            .param(DOMAIN, ANY_DOMAIN)
            .runs(DiskAdminCommands::domBlkError);

    static final CommandSpec DOMBLKTHRESHOLD = named("domblkthreshold", "Set the write threshold for a disk's (or a backing layer's) block-threshold event.")
            .flag(JSON, "print the result as JSON")
            .param(DOMAIN, ANY_DOMAIN)
            .param("DEV", "the disk's target (vda) or a layer of its chain (vda[1])")
            .param("THRESHOLD", "a scaled integer (default bytes), or a percentage of the layer's capacity (80%); 0 removes it")
            .runs(DiskAdminCommands::domBlkThreshold);

    static final CommandSpec DOMSTATS = named("domstats", "Print statistics of domains (state and disks).")
            .flag("--state", "the domain's state and reason")
            .flag("--block", "each disk's I/O counters and sizes")
            .flag("--backing", "with --block: a record for every layer of each disk's chain")
            .flag(JSON, "print the statistics as JSON")
            .optionalRemainingParams(DOMAIN, "the domains (every domain when none is given)")
            .runs(DiskAdminCommands::domStats);

    private DiskAdminCommands() {
    }

    private static CommandSpec iotuneSpec() {
        CommandSpec.Builder b = named("blkdeviotune", "Set or query a disk's I/O limits.");
        for (String o : IOTUNE_OPTIONS) {
            b.option("NUMBER", o.contains("bytes-sec") && !o.endsWith("-length")
                    ? "a scaled integer (default bytes)" : "an integer", "--" + o);
        }
        return b.option("NAME", "the group whose limits the disk shares", "--group-name")
                .flag("--config", "affect the stored definition (next boot)")
                .flag("--live", "affect the running domain")
                .flag("--current", "affect the running domain if it runs, else the stored definition")
                .flag(JSON, "print the limits as a JSON object")
                .param(DOMAIN, ANY_DOMAIN)
                .param("DEVICE", "the disk's target (vda)")
                .runs(DiskAdminCommands::blkDevIoTune);
    }

    private static void blockResize(Invocation in, VireoClient client, PrintWriter out) throws Exception {
        String path = in.param(1);
        String size = in.optionalParam(2);
        boolean capacity = in.flag("--capacity");
        if (capacity && size != null) throw new UsageException("--capacity resizes to the block device's size: give no SIZE with it");
        if (!capacity && size == null) throw new UsageException("Missing required parameter: 'SIZE'");
        Long bytes = size == null ? null : ScaledNumbers.scaled(size, 1024, "size");
        Object result = client.call(new BlockResize(in.param(0), path, capacity, in.flag("--shrink"), bytes));
        if (in.flag(JSON)) {
            out.println(JsonText.pretty(result));
        } else {
            out.printf("Block device '%s' is resized%n", path);
        }
    }

    private static void blkDevIoTune(Invocation in, VireoClient client, PrintWriter out) throws Exception {
        boolean current = in.flag("--current");
        if (current && in.flag("--live")) throw new UsageException("Options --current and --live are mutually exclusive");
        if (current && in.flag("--config")) throw new UsageException("Options --current and --config are mutually exclusive");
        Map<String, Long> values = new LinkedHashMap<>();
        for (String o : IOTUNE_OPTIONS) {
            String v = in.option("--" + o);
            if (v == null) continue;
            long n = o.contains("bytes-sec") && !o.endsWith("-length") ? ScaledNumbers.scaled(v, 1, o) : ScaledNumbers.plain(v, o);
            values.put(o.replace('-', '_'), n);
        }
        String group = in.option("--group-name");
        if (group != null && group.isEmpty()) {
            throw new UsageException("Failed to get option 'group-name': Option argument is empty");
        }
        Map<?, ?> result = (Map<?, ?>) client.call(new BlkDevIoTune(in.param(0), in.param(1), in.flag("--live"),
                in.flag("--config"), values, group));
        if (in.flag(JSON)) {
            out.println(JsonText.pretty(result));
            return;
        }
        if (values.isEmpty() && group == null) {
            for (Map.Entry<?, ?> e : result.entrySet()) out.printf("%-15s: %s%n", e.getKey(), e.getValue());
        }
        out.println();
    }

    private static void domBlkError(Invocation in, VireoClient client, PrintWriter out) throws Exception {
        List<?> errors = (List<?>) client.call(new DomBlkError(in.param(0)));
        if (in.flag(JSON)) {
            out.println(JsonText.pretty(errors));
            return;
        }
        if (errors.isEmpty()) out.println("No errors found");
        for (Object o : errors) {
            Map<?, ?> e = (Map<?, ?>) o;
            out.printf("%s: %s%n", e.get("disk"), e.get("error"));
        }
    }

    private static void domBlkThreshold(Invocation in, VireoClient client, PrintWriter out) throws Exception {
        String threshold = in.param(2);
        DomBlkThreshold request = threshold.endsWith("%")
                ? new DomBlkThreshold(in.param(0), in.param(1), null,
                        ScaledNumbers.plain(threshold.substring(0, threshold.length() - 1), "threshold"))
                : new DomBlkThreshold(in.param(0), in.param(1), ScaledNumbers.scaled(threshold, 1, "threshold"), null);
        Object result = client.call(request);
        if (in.flag(JSON)) out.println(JsonText.pretty(result));
    }

    private static void domStats(Invocation in, VireoClient client, PrintWriter out) throws Exception {
        List<?> records = (List<?>) client.call(new DomStats(List.copyOf(in.paramsFrom(0)), in.flag("--state"),
                in.flag("--block") || in.flag("--backing") && !in.flag("--state"), in.flag("--backing")));
        if (in.flag(JSON)) {
            out.println(JsonText.pretty(records));
            return;
        }
        for (Object o : records) {
            Map<?, ?> r = (Map<?, ?>) o;
            out.printf("Domain: '%s'%n", r.get("domain"));
            for (Map.Entry<?, ?> e : ((Map<?, ?>) r.get("stats")).entrySet()) {
                out.printf("  %s=%s%n", e.getKey(), e.getValue());
            }
            out.println();
        }
    }
}
