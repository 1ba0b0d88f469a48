package dev.vireo.cli;

import dev.vireo.protocol.DiskSummary;
import dev.vireo.protocol.DomainInfo;
import dev.vireo.protocol.DomainState;
import dev.vireo.protocol.DomainSummary;
import dev.vireo.protocol.Version;
import dev.vireo.protocol.VersionInfo;
import dev.vireo.client.VireoClient;
import dev.vireo.client.VireoException;
import dev.vireo.protocol.ErrorCodes;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import static dev.vireo.cli.CommandSpec.named;

/** Commands about stored definitions: virsh's define, undefine, list, dumpxml, dominfo, ... */
final class DefinitionCommands {
    private static final String DOMAIN = "DOMAIN";
    private static final String ANY_DOMAIN = "domain name, id or uuid";
    private static final String XML_FILE = "file containing the domain XML";

    static final CommandSpec DEFINE = named("define", "Define (but don't start) a domain from an XML file.")
            .param("FILE", XML_FILE).runs(DefinitionCommands::define);
    static final CommandSpec UNDEFINE = named("undefine", "Remove a domain's definition (a running domain becomes transient).")
            .flag("--nvram", "also remove its UEFI variable store")
            .flag("--keep-nvram", "keep its UEFI variable store")
            .flag("--keep-tpm", "keep its emulated TPM's state")
            .flag("--snapshots-metadata", "also remove its snapshots' metadata (their image files stay)")
            .flag("--remove-all-storage", "refused while it runs; else names each disk image to remove by hand (Vireo manages no storage volumes)")
            .option("LIST", "as --remove-all-storage, for the disks named (targets or source paths, comma-separated)", "--storage")
            .param(DOMAIN, ANY_DOMAIN).runs(DefinitionCommands::undefine);
    static final CommandSpec VALIDATE = named("validate", "Check a domain XML file against the schema and the semantic checks, without storing it.")
            .param("FILE", XML_FILE).runs(DefinitionCommands::validate);
    static final CommandSpec DUMPXML = named("dumpxml", "Print a domain's XML: the live one while it runs, else the stored definition.")
            .flag("--inactive", "the stored definition even while the domain runs")
            .param(DOMAIN, ANY_DOMAIN).runs(DefinitionCommands::dumpXml);
    static final CommandSpec LIST = named("list", "List domains (running ones unless --all or --inactive).")
            .flag("--all", "running and inactive domains")
            .flag("--inactive", "only inactive domains")
            .flag("--name", "only the names, one per line")
            .flag("--uuid", "only the UUIDs, one per line").runs(DefinitionCommands::list);
    static final CommandSpec DOMSTATE = named("domstate", "Print a domain's state.")
            .flag("--reason", "also print why it is in that state")
            .param(DOMAIN, ANY_DOMAIN).runs(DefinitionCommands::domState);
    static final CommandSpec DOMINFO = named("dominfo", "Print basic information about a domain.")
            .param(DOMAIN, ANY_DOMAIN).runs(DefinitionCommands::domInfo);
    static final CommandSpec AUTOSTART = named("autostart", "Start a domain whenever vireod starts (--disable: no longer).")
            .flag("--disable", "no longer start it with vireod")
            .param(DOMAIN, ANY_DOMAIN).runs(DefinitionCommands::autostart);
    static final CommandSpec DOMNAME = named("domname", "Convert a domain id or UUID to its name.")
            .param(DOMAIN, "domain id or uuid").runs((in, client, out) -> printBlock(out, client.domName(in.param(0))));
    static final CommandSpec DOMUUID = named("domuuid", "Convert a domain name or id to its UUID.")
            .param(DOMAIN, "domain name or id").runs((in, client, out) -> printBlock(out, client.domUuid(in.param(0))));
    static final CommandSpec VERSION = named("version", "Print the client's, the daemon's and the emulator's versions.")
            .runs(DefinitionCommands::version);

    private DefinitionCommands() {
    }

    private static void define(Invocation in, VireoClient client, PrintWriter out) throws Exception {
        Path file = in.path(0);
        String name = client.define(UserFiles.read(file));
        out.printf("Domain %s defined from %s%n%n", name, file);
    }

    private static void undefine(Invocation in, VireoClient client, PrintWriter out) throws Exception {
        String name = client.domName(in.param(0));
        boolean allStorage = in.flag("--remove-all-storage");
        String storage = in.option("--storage");
        if (allStorage || storage != null) {
            unmanagedStorage(in, client, allStorage ? null : List.of(storage.split(",")));
        }
        client.undefine(in.param(0), new VireoClient.UndefineOptions(in.flag("--nvram"), in.flag("--keep-nvram"),
                in.flag("--keep-tpm")), in.flag("--snapshots-metadata"));
        out.printf("Domain %s has been undefined%n%n", name);
    }

    /**
     * virsh's storage removal at undefine. Vireo has no storage pools, so no disk image is a
     * managed volume: like virsh for an unmanaged one, each disk asked for is named on stderr, to
     * be removed by hand, and the undefine goes on. virsh refuses any storage removal while the
     * domain runs (block jobs and the guest still use the images); so does this, before anything
     * changes.
     *
     * @param wanted the disks named by {@code --storage} (targets or source paths), or null for all
     */
    private static void unmanagedStorage(Invocation in, VireoClient client, List<String> wanted) throws Exception {
        String state = client.domState(in.param(0)).state();
        if (!"shut off".equals(state)) {
            throw new VireoException(ErrorCodes.OPERATION_INVALID, "Storage volume deletion is supported only on stopped domains");
        }
        for (DiskSummary disk : client.domBlkList(in.param(0))) {
            if (disk.source() == null || disk.source().isEmpty()) continue;
            if (wanted != null && !wanted.contains(disk.target()) && !wanted.contains(disk.source())) continue;
            in.err().printf("error: Storage volume '%s'(%s) is not managed by vireo. Remove it manually.%n",
                    disk.target(), disk.source());
        }
    }

    private static void validate(Invocation in, VireoClient client, PrintWriter out) throws Exception {
        Path file = in.path(0);
        client.validate(UserFiles.read(file));
        out.printf("%s validates%n", file);
    }

    private static void dumpXml(Invocation in, VireoClient client, PrintWriter out) throws Exception {
        String xml = client.dumpXml(in.param(0), in.flag("--inactive"));
        out.print(xml.endsWith("\n") ? xml : xml + "\n");
        out.println();
    }

    private static void list(Invocation in, VireoClient client, PrintWriter out) throws Exception {
        boolean inactive = in.flag("--inactive");
        boolean names = in.flag("--name");
        List<DomainSummary> rows = client.list(in.flag("--all") || inactive).stream()
                .filter(d -> !inactive || d.id() == null).toList();
        if (names || in.flag("--uuid")) {
            for (DomainSummary d : rows) out.println(names ? d.name() : d.uuid());
            out.println();
            return;
        }
        out.printf(" %-5s %-30s %s%n", "Id", "Name", "State");
        out.println("----------------------------------------------------");
        for (DomainSummary d : rows) {
            out.printf(" %-5s %-30s %s%n", d.id() == null ? "-" : d.id().toString(), d.name(), d.state());
        }
        out.println();
    }

    private static void domState(Invocation in, VireoClient client, PrintWriter out) throws Exception {
        DomainState s = client.domState(in.param(0));
        printBlock(out, in.flag("--reason") ? s.state() + " (" + s.reason() + ")" : s.state());
    }

    private static void domInfo(Invocation in, VireoClient client, PrintWriter out) throws Exception {
        DomainInfo i = client.domInfo(in.param(0));
        field(out, "Id:", i.id() == null ? "-" : i.id().toString());
        field(out, "Name:", i.name());
        field(out, "UUID:", i.uuid());
        field(out, "OS Type:", i.osType());
        field(out, "State:", i.state());
        field(out, "CPU(s):", Integer.toString(i.vcpus()));
        if (i.cpuTimeSeconds() != null) field(out, "CPU time:", String.format(Locale.ROOT, "%.1fs", i.cpuTimeSeconds()));
        field(out, "Max memory:", i.maxMemoryKiB() + " KiB");
        field(out, "Used memory:", i.usedMemoryKiB() + " KiB");
        field(out, "Persistent:", i.persistent() ? "yes" : "no");
        field(out, "Autostart:", i.autostart() ? "enable" : "disable");
        field(out, "Managed save:", "no");
        field(out, "Security model:", "none");
        field(out, "Security DOI:", "0");
        out.println();
    }

    private static void field(PrintWriter out, String label, String value) {
        out.printf("%-15s %s%n", label, value);
    }

    private static void autostart(Invocation in, VireoClient client, PrintWriter out) throws Exception {
        boolean disable = in.flag("--disable");
        String name = client.autostart(in.param(0), !disable);
        out.printf(disable ? "Domain %s unmarked as autostarted%n%n" : "Domain %s marked as autostarted%n%n", name);
    }

    private static void version(Invocation in, VireoClient client, PrintWriter out) throws Exception {
        VersionInfo v = client.version();
        out.println("Compiled against library: vireo " + Version.VALUE);
        out.println("Using library: vireo " + Version.VALUE);
        out.println("Using API: QEMU " + v.daemonVersion());
        if (v.hypervisorVersion() > 0) {
            long n = v.hypervisorVersion();
            out.printf("Running hypervisor: %s %d.%d.%d%n", v.hypervisor(), n / 1_000_000, n / 1000 % 1000, n % 1000);
        }
        out.println();
    }

    /** One value and virsh's blank line after it. */
    private static void printBlock(PrintWriter out, String value) {
        out.println(value);
        out.println();
    }
}
