package dev.vireo.command;

import java.util.ArrayList;
import java.util.List;

/**
 * An emulator invocation: extra environment ({@code NAME=VALUE} entries, in the order they were
 * added), the emulator binary, and its arguments.
 *
 * <p>{@link #toShellLine()} renders it the way libvirt's {@code virCommandToString} does, which is
 * what {@code vireo domxml-to-native qemu-argv} prints and what the golden {@code .args} files hold.
 */
public record CommandLine(List<String> env, String emulator, List<String> args) {

    public CommandLine {
        env = List.copyOf(env);
        args = List.copyOf(args);
        if (emulator == null || emulator.isEmpty()) {
            throw new IllegalArgumentException("a command line needs an emulator binary");
        }
        for (String entry : env) {
            if (entry.indexOf('=') <= 0) {
                throw new IllegalArgumentException("environment entry '" + entry + "' is not NAME=VALUE");
            }
        }
    }

    /**
     * Environment assignments, the emulator, then the arguments, separated by single spaces; a token
     * (for an assignment: its value) is single-quoted only when it holds a character the shell
     * would interpret.
     */
    public String toShellLine() {
        StringBuilder line = new StringBuilder(256);
        for (String entry : env) {
            int eq = entry.indexOf('=');
            line.append(entry, 0, eq + 1).append(ShellQuoting.quote(entry.substring(eq + 1))).append(' ');
        }
        line.append(ShellQuoting.quote(emulator));
        for (String arg : args) {
            line.append(' ').append(ShellQuoting.quote(arg));
        }
        return line.toString();
    }

    /** The full argv to execute: emulator first, then the arguments. */
    public List<String> argv() {
        List<String> argv = new ArrayList<>(args.size() + 1);
        argv.add(emulator);
        argv.addAll(args);
        return argv;
    }
}
