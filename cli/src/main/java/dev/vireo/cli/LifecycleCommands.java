package dev.vireo.cli;

import dev.vireo.protocol.DiskInfo;
import dev.vireo.protocol.DiskStats;
import dev.vireo.protocol.DiskSummary;
import dev.vireo.protocol.DomainEvent;
import dev.vireo.client.JsonText;
import dev.vireo.client.VireoClient;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.vireo.cli.CommandSpec.named;

/** Commands that run guests: start, create, destroy, shutdown, the monitor, events. */
final class LifecycleCommands {
    private static final String DOMAIN = "DOMAIN";
    private static final String ANY_DOMAIN = "domain name, id or uuid";

    static final CommandSpec START = named("start", "Start a defined (inactive) domain.")
            .param(DOMAIN, ANY_DOMAIN).runs((in, client, out) -> {
                client.start(in.param(0));
                out.printf("Domain %s started%n%n", client.domName(in.param(0)));
            });
    static final CommandSpec CREATE = named("create", "Create and start a transient domain from an XML file.")
            .param("FILE", "file containing the domain XML").runs((in, client, out) -> {
                String name = client.create(UserFiles.read(in.path(0)));
                out.printf("Domain %s created from %s%n%n", name, in.path(0));
            });
    static final CommandSpec DESTROY = named("destroy", "Stop a domain at once (kill its emulator).")
            .param(DOMAIN, ANY_DOMAIN).runs((in, client, out) -> {
                String name = client.domName(in.param(0));
                client.destroy(in.param(0));
                out.printf("Domain %s destroyed%n%n", name);
            });
    static final CommandSpec SHUTDOWN = named("shutdown", "Ask a domain's guest to power off (ACPI power button).")
            .intOption("--timeout", "SECONDS", "wait this long for the guest to shut off, then fail")
            .param(DOMAIN, ANY_DOMAIN).runs(LifecycleCommands::shutdown);
    static final CommandSpec SUSPEND = named("suspend", "Pause a running domain.")
            .param(DOMAIN, ANY_DOMAIN).runs((in, client, out) -> {
                client.suspend(in.param(0));
                out.printf("Domain %s suspended%n%n", client.domName(in.param(0)));
            });
    static final CommandSpec RESUME = named("resume", "Resume a paused domain.")
            .param(DOMAIN, ANY_DOMAIN).runs((in, client, out) -> {
                client.resume(in.param(0));
                out.printf("Domain %s resumed%n%n", client.domName(in.param(0)));
            });
    static final CommandSpec REBOOT = named("reboot", "Reset a running domain.")
            .param(DOMAIN, ANY_DOMAIN).runs((in, client, out) -> {
                client.reboot(in.param(0));
                out.printf("Domain %s is being rebooted%n%n", client.domName(in.param(0)));
            });
    static final CommandSpec DOMBLKLIST = named("domblklist", "List a domain's disks: target and source.")
            .flag("--details", "also show type and device, and each running disk's backing chain as TARGET[N] rows")
            .param(DOMAIN, ANY_DOMAIN).runs(LifecycleCommands::domBlkList);
    static final CommandSpec DOMBLKSTAT = named("domblkstat", "Print a running domain's disk I/O counters (one disk, or all disks added up).")
            .flag("--human", "explain each counter in words")
            .flag("--json", "print the counters as a JSON object (virsh's field names)")
            .param(DOMAIN, ANY_DOMAIN)
            .optionalParam("DISK", "the disk's target (vda) or source path; all disks when left out")
            .runs((in, client, out) -> {
                DiskStats stats = client.domBlkStat(in.param(0), in.optionalParam(1));
                if (in.flag("--json")) {
                    Map<String, Object> json = new LinkedHashMap<>();
                    json.put("disk", stats.disk());
                    json.putAll(stats.fields());
                    out.println(JsonText.pretty(json));
                } else {
                    BlockStatsText.print(stats, in.flag("--human"), out);
                }
            });
    static final CommandSpec DOMBLKINFO = named("domblkinfo", "Print a disk's capacity, allocation and physical size (or every disk's with --all).")
            .flag("--all", "a table of every disk")
            .flag("--human", "sizes in KiB, MiB, GiB, ...")
            .flag("--json", "print the sizes as JSON (an object, or an array with --all)")
            .param(DOMAIN, ANY_DOMAIN)
            .optionalParam("DISK", "the disk's target (vda) or source path; required without --all")
            .runs(LifecycleCommands::domBlkInfo);
    static final CommandSpec QEMU_MONITOR_COMMAND = named("qemu-monitor-command", "Send a QMP command to a running domain's monitor and print the reply.")
            .flag("--pretty", "indent the JSON reply")
            .param(DOMAIN, ANY_DOMAIN)
            .remainingParams("COMMAND", "the QMP command as JSON (words are joined with spaces)")
            .runs((in, client, out) -> {
                String reply = client.qemuMonitorCommand(in.param(0), String.join(" ", in.paramsFrom(1)));
                out.println(in.flag("--pretty") ? JsonText.pretty(JsonText.parse(reply)) : reply);
            });
    static final CommandSpec EVENT = named("event", "Print domain events as they happen.")
            .option(DOMAIN, "only this domain's events", "--domain")
            .option("NAME", "only events of this kind: lifecycle, reboot, io-error, block-threshold, block-job (the disk by its path), block-job-2 (by its target)", "--event")
            .flag("--loop", "keep printing events instead of stopping after the first")
            .intOption("--timeout", "SECONDS", "stop after this many seconds")
            .runs(LifecycleCommands::event);

    private LifecycleCommands() {
    }

    private static void shutdown(Invocation in, VireoClient client, PrintWriter out) throws Exception {
        Integer timeoutSeconds = in.intOption("--timeout");
        String name = client.domName(in.param(0));
        client.shutdown(in.param(0), timeoutSeconds == null ? null : Duration.ofSeconds(timeoutSeconds));
        out.printf(timeoutSeconds == null ? "Domain %s is being shutdown%n%n" : "Domain %s is shut off%n%n", name);
    }

    private static void domBlkList(Invocation in, VireoClient client, PrintWriter out) throws Exception {
        List<DiskSummary> disks = client.domBlkList(in.param(0));
        if (in.flag("--details")) {
            BlockListDetails.print(disks, out);
            return;
        }
        out.printf("%-10s %s%n", "Target", "Source");
        out.println("------------------------------------------------");
        for (DiskSummary d : disks) out.printf("%-10s %s%n", d.target(), d.source() == null ? "-" : d.source());
        out.println();
    }

    private static void domBlkInfo(Invocation in, VireoClient client, PrintWriter out) throws Exception {
        boolean all = in.flag("--all");
        String disk = in.optionalParam(1);
        if (all == (disk != null)) {
            throw new UsageException(all ? "--all lists every disk: give no DISK with it"
                    : "domblkinfo needs a DISK (a target such as vda, or a source path), or --all");
        }
        List<DiskInfo> disks = client.domBlkInfo(in.param(0), disk);
        if (in.flag("--json")) {
            List<Map<String, Object>> json = new ArrayList<>();
            for (DiskInfo d : disks) {
                Map<String, Object> o = new LinkedHashMap<>();
                o.put("disk", d.disk());
                o.put("capacity", d.capacity());
                o.put("allocation", d.allocation());
                o.put("physical", d.physical());
                json.add(o);
            }
            out.println(JsonText.pretty(all ? json : json.getFirst()));
        } else if (all) {
            BlockInfoText.printAll(disks, in.flag("--human"), out);
        } else {
            BlockInfoText.printOne(disks.getFirst(), in.flag("--human"), out);
        }
    }

    private static void event(Invocation in, VireoClient client, PrintWriter out) throws Exception {
        Integer timeoutSeconds = in.intOption("--timeout");
        boolean loop = in.flag("--loop");
        int[] count = {0};
        String only = in.option("--event");
        client.subscribe(in.option("--domain"));
        client.eventLoop(timeoutSeconds == null ? null : Duration.ofSeconds(timeoutSeconds), e -> {
            List<String> lines = describe(e, only);
            if (lines.isEmpty()) return true;
            lines.forEach(out::println);
            out.flush();
            count[0] += lines.size();
            return loop;
        });
        if (count[0] == 0 && timeoutSeconds != null) out.println("event loop timed out");
        out.printf("events received: %d%n", count[0]);
    }

    /**
     * The lines virsh prints for the event, none when {@code only} (an event name) filters it out.
     * A block job's event is virsh's {@code block-job} (the disk by its top image's path) and
     * {@code block-job-2} (by its target), both when no name is given, as {@code virsh event --all}.
     */
    static List<String> describe(DomainEvent e, String only) {
        if (e.kind().equals("block-job")) {
            List<String> lines = new ArrayList<>();
            String path = e.fields().get("path");
            String status = e.fields().getOrDefault("status", "");
            if ((only == null || only.equals("block-job")) && path != null) {
                lines.add("event 'block-job' for domain '" + e.domain() + "': " + e.event() + " for " + path + " " + status);
            }
            if (only == null || only.equals("block-job-2")) {
                lines.add("event 'block-job-2' for domain '" + e.domain() + "': " + e.event() + " for "
                        + e.fields().getOrDefault("disk", "") + " " + status);
            }
            return lines;
        }
        if (only != null && !only.equals(e.kind())) return List.of();
        return List.of(describe(e));
    }

    private static String describe(DomainEvent e) {
        return switch (e.kind()) {
            case "lifecycle" -> "event 'lifecycle' for domain '" + e.domain() + "': " + e.event() + " " + e.detail();
            case "reboot" -> "event 'reboot' for domain '" + e.domain() + "'";
            case "tray-change" -> "event 'tray-change' for domain '" + e.domain() + "' disk " + e.event() + ": " + e.detail();
            default -> "event '" + e.kind() + "' for domain '" + e.domain() + "': " + e.event()
                    + (e.detail().isEmpty() ? "" : " " + e.detail());
        };
    }
}
