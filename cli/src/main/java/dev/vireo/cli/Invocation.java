package dev.vireo.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A command's parsed arguments: the flags given, the options' values, the positional words, every
 * value of a repeatable option, and where progress and diagnostics go ({@code err}, stderr; null
 * until the command runs).
 */
record Invocation(Set<String> flags, Map<String, String> options, List<String> params,
                  Map<String, List<String>> repeated, PrintWriter err) {

    Invocation withErr(PrintWriter stderr) {
        return new Invocation(flags, options, params, repeated, stderr);
    }

    /** Every value of a repeatable option, in the order given (empty when not given). */
    List<String> values(String name) {
        return repeated.getOrDefault(name, List.of());
    }

    boolean flag(String name) {
        return flags.contains(name);
    }

    /** The value of the option whose longest spelling is {@code name}, or null when not given. */
    String option(String name) {
        return options.get(name);
    }

    /** A whole-number option (checked while parsing), or null when not given. */
    Integer intOption(String name) {
        String v = options.get(name);
        return v == null ? null : Integer.valueOf(v);
    }

    String param(int index) {
        return params.get(index);
    }

    /** An optional positional word, or null when it was left out. */
    String optionalParam(int index) {
        return index < params.size() ? params.get(index) : null;
    }

    Path path(int index) {
        return Path.of(params.get(index));
    }

    /** The positional words from {@code index} on (a variadic argument). */
    List<String> paramsFrom(int index) {
        return params.subList(index, params.size());
    }
}
