package dev.vireo.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vireo.client.DiskSummary;
import dev.vireo.client.DomainEvent;
import dev.vireo.client.Json;
import dev.vireo.client.VireoClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** Commands that run guests: start, create, destroy, shutdown, the monitor, events. */
final class LifecycleCommands {
    private LifecycleCommands() {
    }

    /** A command whose only argument is the domain. */
    abstract static class DomainCommand extends ClientCommand {
        @Parameters(paramLabel = "DOMAIN", description = "domain name, id or uuid")
        String domain;
    }

    @Command(name = "start", description = "Start a defined (inactive) domain.")
    static final class Start extends DomainCommand {
        @Override
        void run(VireoClient client, PrintWriter out) throws Exception {
            client.start(domain);
            out.printf("Domain %s started%n%n", client.domName(domain));
        }
    }

    @Command(name = "create", description = "Create and start a transient domain from an XML file.")
    static final class Create extends ClientCommand {
        @Parameters(paramLabel = "FILE", description = "file containing the domain XML")
        Path file;

        @Override
        void run(VireoClient client, PrintWriter out) throws Exception {
            String name = client.create(readFile(file));
            out.printf("Domain %s created from %s%n%n", name, file);
        }
    }

    @Command(name = "destroy", description = "Stop a domain at once (kill its emulator).")
    static final class Destroy extends DomainCommand {
        @Override
        void run(VireoClient client, PrintWriter out) throws Exception {
            String name = client.domName(domain);
            client.destroy(domain);
            out.printf("Domain %s destroyed%n%n", name);
        }
    }

    @Command(name = "shutdown", description = "Ask a domain's guest to power off (ACPI power button).")
    static final class Shutdown extends DomainCommand {
        @Option(names = "--timeout", paramLabel = "SECONDS",
                description = "wait this long for the guest to shut off, then fail")
        Integer timeoutSeconds;

        @Override
        void run(VireoClient client, PrintWriter out) throws Exception {
            String name = client.domName(domain);
            client.shutdown(domain, timeoutSeconds == null ? null : Duration.ofSeconds(timeoutSeconds));
            out.printf(timeoutSeconds == null ? "Domain %s is being shutdown%n%n" : "Domain %s is shut off%n%n", name);
        }
    }

    @Command(name = "suspend", description = "Pause a running domain.")
    static final class Suspend extends DomainCommand {
        @Override
        void run(VireoClient client, PrintWriter out) throws Exception {
            client.suspend(domain);
            out.printf("Domain %s suspended%n%n", client.domName(domain));
        }
    }

    @Command(name = "resume", description = "Resume a paused domain.")
    static final class Resume extends DomainCommand {
        @Override
        void run(VireoClient client, PrintWriter out) throws Exception {
            client.resume(domain);
            out.printf("Domain %s resumed%n%n", client.domName(domain));
        }
    }

    @Command(name = "reboot", description = "Reset a running domain.")
    static final class Reboot extends DomainCommand {
        @Override
        void run(VireoClient client, PrintWriter out) throws Exception {
            client.reboot(domain);
            out.printf("Domain %s is being rebooted%n%n", client.domName(domain));
        }
    }

    @Command(name = "domblklist", description = "List a domain's disks: target and source.")
    static final class DomBlkList extends DomainCommand {
        @Option(names = "--details", description = "also show type and device, and each running disk's backing chain as TARGET[N] rows")
        boolean details;

        @Override
        void run(VireoClient client, PrintWriter out) throws Exception {
            List<DiskSummary> disks = client.domBlkList(domain);
            if (details) {
                BlockListDetails.print(disks, out);
                return;
            }
            out.printf("%-10s %s%n", "Target", "Source");
            out.println("------------------------------------------------");
            for (DiskSummary d : disks) out.printf("%-10s %s%n", d.target(), d.source() == null ? "-" : d.source());
            out.println();
        }
    }

    @Command(name = "qemu-monitor-command", description = "Send a QMP command to a running domain's monitor and print the reply.")
    static final class QemuMonitorCommand extends DomainCommand {
        @Option(names = "--pretty", description = "indent the JSON reply")
        boolean pretty;

        @Parameters(index = "1..*", paramLabel = "COMMAND", description = "the QMP command as JSON (words are joined with spaces)")
        List<String> command;

        @Override
        void run(VireoClient client, PrintWriter out) throws Exception {
            JsonNode reply = client.qemuMonitorCommand(domain, String.join(" ", command));
            out.println(pretty ? Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(reply) : reply.toString());
        }
    }

    @Command(name = "event", description = "Print domain events as they happen.")
    static final class Event extends ClientCommand {
        @Option(names = "--domain", paramLabel = "DOMAIN", description = "only this domain's events")
        String domain;

        @Option(names = "--loop", description = "keep printing events instead of stopping after the first")
        boolean loop;

        @Option(names = "--timeout", paramLabel = "SECONDS", description = "stop after this many seconds")
        Integer timeoutSeconds;

        @Override
        void run(VireoClient client, PrintWriter out) throws Exception {
            int[] count = {0};
            client.subscribe(domain);
            client.eventLoop(timeoutSeconds == null ? null : Duration.ofSeconds(timeoutSeconds), e -> {
                out.println(describe(e));
                out.flush();
                count[0]++;
                return loop;
            });
            if (count[0] == 0 && timeoutSeconds != null) out.println("event loop timed out");
            out.printf("events received: %d%n", count[0]);
        }

        private static String describe(DomainEvent e) {
            return switch (e.kind()) {
                case "lifecycle" -> "event 'lifecycle' for domain " + e.domain() + ": " + e.event() + " " + e.detail();
                case "reboot" -> "event 'reboot' for domain " + e.domain();
                default -> "event '" + e.kind() + "' for domain " + e.domain() + ": " + e.event()
                        + (e.detail().isEmpty() ? "" : " " + e.detail());
            };
        }
    }
}
