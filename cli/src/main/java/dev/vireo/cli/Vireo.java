package dev.vireo.cli;

import dev.vireo.client.Endpoint;
import dev.vireo.client.VireoClient;
import dev.vireo.client.VireoException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;

/** The top-level command: the connection option and the list of subcommands. */
@Command(name = "vireo", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Manage Vireo domains (virsh's command names and options).")
public final class Vireo implements Runnable {

    @Option(names = {"-c", "--connect"}, paramLabel = "URI",
            description = "vireod's socket as unix:PATH (default: $VIREO_DEFAULT_URI, else the per-user socket)")
    String uri;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /**
     * The configured command line for these arguments: {@code error: ...} and exit 1 for every
     * failure, like virsh. Only the subcommand named in {@code args} is registered (every one when
     * none is named, for help): picocli builds each command's model by reflection, and doing that
     * for one command instead of all keeps {@code vireo list} fast.
     */
    public static CommandLine commandLine(String... args) {
        CommandLine cl = new CommandLine(new Vireo());
        Class<?> only = Subcommands.ALL.get(Subcommands.named(args));
        if (only != null) {
            cl.addSubcommand(new CommandLine(only));
        } else {
            for (Class<?> c : Subcommands.ALL.values()) cl.addSubcommand(new CommandLine(c));
        }
        cl.setExecutionExceptionHandler((e, line, parsed) -> {
            line.getErr().println("error: " + describe(e));
            line.getErr().flush();
            return 1;
        });
        cl.setParameterExceptionHandler((e, badArgs) -> {
            e.getCommandLine().getErr().println("error: " + e.getMessage());
            e.getCommandLine().getErr().flush();
            return 1;
        });
        return cl;
    }

    private static String describe(Exception e) {
        if (e instanceof VireoException || e instanceof IOException || e instanceof IllegalArgumentException) {
            return e.getMessage();
        }
        return e.toString();
    }

    VireoClient connect() throws IOException {
        Path socket = uri == null ? Endpoint.defaultSocket() : Endpoint.parse(uri);
        return VireoClient.connect(socket);
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required; see vireo --help");
    }
}
