package dev.vireo.cli;

import java.io.PrintWriter;

/** {@code vireo}: virsh's commands against vireod. Exit 0 on success; {@code error: ...} and 1 on failure. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(Vireo.run(args, new PrintWriter(System.out), new PrintWriter(System.err)));
    }
}
