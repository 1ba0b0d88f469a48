package dev.vireo.cli;

import dev.vireo.protocol.Endpoint;
import dev.vireo.protocol.Version;
import dev.vireo.client.VireoClient;
import dev.vireo.client.VireoException;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The top level of {@code vireo}: the connection option, help and version, then the named
 * subcommand ({@link Commands}). Every failure is {@code error: MESSAGE} on stderr and exit 1,
 * like virsh.
 *
 * <p>Hand-written rather than picocli: picocli's classes are compiled for Java 5, which the JDK's
 * AOT cache cannot store, so loading and verifying them cost about 100 ms of CPU at every start.
 */
final class Vireo {
    private Vireo() {
    }

    /** Runs one command line; returns the exit status. Both writers are flushed before returning. */
    static int run(String[] args, PrintWriter out, PrintWriter err) {
        try {
            return dispatch(args, out, err);
        } catch (ExitStatus e) {
            return e.status();
        } catch (UsageException | VireoException | IOException | IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return 1;
        } catch (Exception e) {
            err.println("error: " + e);
            return 1;
        } finally {
            out.flush();
            err.flush();
        }
    }

    private static int dispatch(String[] args, PrintWriter out, PrintWriter err) throws Exception {
        String uri = null;
        int i = 0;
        for (; i < args.length && args[i].startsWith("-"); i++) {
            String word = args[i];
            switch (word) {
                case "-h", "--help" -> {
                    Usage.printMain(out);
                    return 0;
                }
                case "-V", "--version" -> {
                    out.println("vireo " + Version.VALUE);
                    return 0;
                }
                case "-c", "--connect" -> {
                    if (++i == args.length) throw new UsageException("Missing required parameter for option '--connect' (URI)");
                    uri = args[i];
                }
                default -> {
                    if (!word.startsWith("-c=") && !word.startsWith("--connect=")) {
                        throw new UsageException("Unknown option: '" + word + "'");
                    }
                    uri = word.substring(word.indexOf('=') + 1);
                }
            }
        }
        if (i == args.length) throw new UsageException("a command is required; see vireo --help");
        List<String> words = Arrays.asList(args).subList(i + 1, args.length);
        if (args[i].equals("help")) return help(words, out);
        CommandSpec command = Commands.named(args[i]);
        if (command == null) throw new UsageException("unknown command '" + args[i] + "'; see vireo help");
        if (asksForHelp(words)) {
            Usage.printCommand(command, out);
            return 0;
        }
        Invocation invocation = ArgParser.parse(command, words, i + 1).withErr(err);
        if (command == HotplugCommands.ATTACH_DISK && invocation.flag("--print-xml")) {
            // as in virsh, printing the element needs neither the daemon nor the domain
            command.action().run(invocation, null, out);
            return 0;
        }
        try (VireoClient client = connect(uri)) {
            command.action().run(invocation, client, out);
        }
        return 0;
    }

    private static int help(List<String> words, PrintWriter out) throws UsageException {
        if (words.isEmpty()) {
            Usage.printMain(out);
            return 0;
        }
        CommandSpec command = Commands.named(words.getFirst());
        if (command == null) throw new UsageException("unknown command '" + words.getFirst() + "'; see vireo help");
        Usage.printCommand(command, out);
        return 0;
    }

    /** {@code -h} or {@code --help} among the command's options (before a {@code --}). */
    private static boolean asksForHelp(List<String> words) {
        for (String w : words) {
            if (w.equals("--")) return false;
            if (w.equals("-h") || w.equals("--help")) return true;
        }
        return false;
    }

    private static VireoClient connect(String uri) throws IOException {
        Path socket = uri == null ? Endpoint.defaultSocket() : Endpoint.parse(uri);
        return VireoClient.connect(socket);
    }
}
