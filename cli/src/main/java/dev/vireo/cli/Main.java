package dev.vireo.cli;

import java.io.PrintWriter;

/** {@code vireo}: virsh's commands against vireod. Exit 0 on success; {@code error: ...} and 1 on failure. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        int status = Vireo.run(args, new PrintWriter(System.out), new PrintWriter(System.err));
        // halt, not exit: System.exit first looks up a System.Logger backend (to log the exit),
        // which scans every jar on the class path, about 10 ms of a 50 ms run. vireo registers no
        // shutdown hook and Vireo.run has flushed both streams, so nothing is lost.
        Runtime.getRuntime().halt(status);
    }
}
