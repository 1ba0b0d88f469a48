package dev.vireo.cli;

import dev.vireo.client.VireoClient;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.MalformedInputException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** A subcommand that talks to vireod: opens the connection, runs, and closes it. */
abstract class ClientCommand implements Callable<Integer> {
    @CommandLine.ParentCommand
    Vireo vireo;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public final Integer call() throws Exception {
        try (VireoClient client = vireo.connect()) {
            PrintWriter out = spec.commandLine().getOut();
            run(client, out);
            out.flush();
        }
        return 0;
    }

    abstract void run(VireoClient client, PrintWriter out) throws Exception;

    /** A file the user named, read whole; the message says which file and why it failed. */
    static String readFile(Path file) throws IOException {
        try {
            return Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new IOException("failed to read '" + file + "': no such file");
        } catch (MalformedInputException e) {
            throw new IOException("failed to read '" + file + "': not UTF-8 text");
        } catch (IOException e) {
            throw new IOException("failed to read '" + file + "': " + e.getMessage());
        }
    }
}
