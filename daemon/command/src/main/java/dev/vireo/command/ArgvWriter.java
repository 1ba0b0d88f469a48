package dev.vireo.command;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Collects environment entries and arguments while the sections of a command line are written. */
final class ArgvWriter {

    private final Map<String, String> env = new LinkedHashMap<>();
    private final List<String> args = new ArrayList<>(64);

    /** Sets an environment variable; a later value for the same name replaces the earlier one. */
    void env(String name, String value) {
        env.put(name, value);
    }

    void add(String... tokens) {
        for (String token : tokens) {
            args.add(token);
        }
    }

    /** Adds an option and its value: {@code -drive file=...}. */
    void option(String name, Object value) {
        args.add(name);
        args.add(value.toString());
    }

    CommandLine toCommandLine(String emulator) {
        List<String> entries = new ArrayList<>(env.size());
        env.forEach((name, value) -> entries.add(name + "=" + value));
        return new CommandLine(entries, emulator, args);
    }
}
