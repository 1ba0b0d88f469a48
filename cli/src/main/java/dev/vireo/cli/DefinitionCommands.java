package dev.vireo.cli;

import dev.vireo.client.DomainInfo;
import dev.vireo.client.DomainState;
import dev.vireo.client.DomainSummary;
import dev.vireo.client.Version;
import dev.vireo.client.VersionInfo;
import dev.vireo.client.VireoClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** Commands about stored definitions: virsh's define, undefine, list, dumpxml, dominfo, ... */
final class DefinitionCommands {
    private DefinitionCommands() {
    }

    @Command(name = "define", description = "Define (but don't start) a domain from an XML file.")
    static final class Define extends ClientCommand {
        @Parameters(paramLabel = "FILE", description = "file containing the domain XML")
        Path file;

        @Override
        void run(VireoClient client, PrintWriter out) throws Exception {
            String name = client.define(readFile(file));
            out.printf("Domain %s defined from %s%n%n", name, file);
        }
    }

    @Command(name = "undefine", description = "Remove a domain's definition (a running domain becomes transient).")
    static final class Undefine extends ClientCommand {
        @Parameters(paramLabel = "DOMAIN", description = "domain name, id or uuid")
        String domain;

        @Override
        void run(VireoClient client, PrintWriter out) throws Exception {
            String name = client.domName(domain);
            client.undefine(domain);
            out.printf("Domain %s has been undefined%n%n", name);
        }
    }

    @Command(name = "validate", description = "Check a domain XML file against the schema and the semantic checks, without storing it.")
    static final class Validate extends ClientCommand {
        @Parameters(paramLabel = "FILE", description = "file containing the domain XML")
        Path file;

        @Override
        void run(VireoClient client, PrintWriter out) throws Exception {
            client.validate(readFile(file));
            out.printf("%s validates%n", file);
        }
    }

    @Command(name = "dumpxml", description = "Print a domain's XML: the live one while it runs, else the stored definition.")
    static final class DumpXml extends ClientCommand {
        @Option(names = "--inactive", description = "the stored definition even while the domain runs")
        boolean inactive;

        @Parameters(paramLabel = "DOMAIN", description = "domain name, id or uuid")
        String domain;

        @Override
        void run(VireoClient client, PrintWriter out) throws Exception {
            String xml = client.dumpXml(domain, inactive);
            out.print(xml.endsWith("\n") ? xml : xml + "\n");
            out.println();
        }
    }

    @Command(name = "list", description = "List domains (running ones unless --all or --inactive).")
    static final class ListDomains extends ClientCommand {
        @Option(names = "--all", description = "running and inactive domains")
        boolean all;

        @Option(names = "--inactive", description = "only inactive domains")
        boolean inactive;

        @Option(names = "--name", description = "only the names, one per line")
        boolean names;

        @Option(names = "--uuid", description = "only the UUIDs, one per line")
        boolean uuids;

        @Override
        void run(VireoClient client, PrintWriter out) throws Exception {
            List<DomainSummary> rows = client.list(all || inactive).stream()
                    .filter(d -> !inactive || d.id() == null).toList();
            if (names || uuids) {
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
    }

    @Command(name = "domstate", description = "Print a domain's state.")
    static final class DomState extends ClientCommand {
        @Option(names = "--reason", description = "also print why it is in that state")
        boolean reason;

        @Parameters(paramLabel = "DOMAIN", description = "domain name, id or uuid")
        String domain;

        @Override
        void run(VireoClient client, PrintWriter out) throws Exception {
            DomainState s = client.domState(domain);
            out.println(reason ? s.state() + " (" + s.reason() + ")" : s.state());
            out.println();
        }
    }

    @Command(name = "dominfo", description = "Print basic information about a domain.")
    static final class DomInfo extends ClientCommand {
        @Parameters(paramLabel = "DOMAIN", description = "domain name, id or uuid")
        String domain;

        @Override
        void run(VireoClient client, PrintWriter out) throws Exception {
            DomainInfo i = client.domInfo(domain);
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
    }

    @Command(name = "autostart", description = "Start a domain whenever vireod starts (--disable: no longer).")
    static final class Autostart extends ClientCommand {
        @Option(names = "--disable", description = "no longer start it with vireod")
        boolean disable;

        @Parameters(paramLabel = "DOMAIN", description = "domain name, id or uuid")
        String domain;

        @Override
        void run(VireoClient client, PrintWriter out) throws Exception {
            String name = client.autostart(domain, !disable);
            out.printf(disable ? "Domain %s unmarked as autostarted%n%n" : "Domain %s marked as autostarted%n%n", name);
        }
    }

    @Command(name = "domname", description = "Convert a domain id or UUID to its name.")
    static final class DomName extends ClientCommand {
        @Parameters(paramLabel = "DOMAIN", description = "domain id or uuid")
        String domain;

        @Override
        void run(VireoClient client, PrintWriter out) throws Exception {
            out.println(client.domName(domain));
            out.println();
        }
    }

    @Command(name = "domuuid", description = "Convert a domain name or id to its UUID.")
    static final class DomUuid extends ClientCommand {
        @Parameters(paramLabel = "DOMAIN", description = "domain name or id")
        String domain;

        @Override
        void run(VireoClient client, PrintWriter out) throws Exception {
            out.println(client.domUuid(domain));
            out.println();
        }
    }

    @Command(name = "version", description = "Print the client's, the daemon's and the emulator's versions.")
    static final class ShowVersion extends ClientCommand {
        @Override
        void run(VireoClient client, PrintWriter out) throws Exception {
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
    }
}
