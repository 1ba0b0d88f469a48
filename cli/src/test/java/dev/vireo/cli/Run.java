package dev.vireo.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.stream.Stream;

/** One in-process run of vireo's command line: its exit status and what it printed on each stream. */
record Run(int exit, String out, String err) {

    /** Runs vireo with exactly these arguments. */
    static Run of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Vireo.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(exit, out.toString(), err.toString());
    }

    /** Runs {@code vireo -c unix:SOCKET ARGS...} against the daemon listening on {@code socket}. */
    static Run against(Path socket, String... args) {
        return of(Stream.concat(Stream.of("-c", "unix:" + socket), Stream.of(args)).toArray(String[]::new));
    }
}
