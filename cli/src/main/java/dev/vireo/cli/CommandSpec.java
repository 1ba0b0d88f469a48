package dev.vireo.cli;

import dev.vireo.client.VireoClient;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * A subcommand: its name, help text, options and positional arguments, and what it does with a
 * connection to vireod. Declared with {@link #named} and the builder methods, e.g.
 * {@code named("list", "...").flag("--all", "...").runs(DefinitionCommands::list)}.
 */
record CommandSpec(String name, String description, List<OptionSpec> options, List<ParamSpec> params,
                   Action action) {

    /** What the command does once its arguments are parsed. */
    @FunctionalInterface
    interface Action {
        void run(Invocation in, VireoClient client, PrintWriter out) throws Exception;
    }

    static Builder named(String name, String description) {
        return new Builder(name, description);
    }

    /** The option one of whose spellings is {@code word}, or null. */
    OptionSpec option(String word) {
        for (OptionSpec o : options) {
            if (o.names().contains(word)) return o;
        }
        return null;
    }

    static final class Builder {
        private final String name;
        private final String description;
        private final List<OptionSpec> options = new ArrayList<>();
        private final List<ParamSpec> params = new ArrayList<>();

        private Builder(String name, String description) {
            this.name = name;
            this.description = description;
        }

        Builder flag(String option, String description) {
            options.add(new OptionSpec(List.of(option), null, false, false, description));
            return this;
        }

        /** An option with a value; several spellings may be given, short one first. */
        Builder option(String valueLabel, String description, String... spellings) {
            options.add(new OptionSpec(List.of(spellings), valueLabel, false, false, description));
            return this;
        }

        /** An option with a value that may be given several times ({@code --diskspec A --diskspec B}). */
        Builder repeatableOption(String option, String valueLabel, String description) {
            options.add(new OptionSpec(List.of(option), valueLabel, false, false, description, true));
            return this;
        }

        Builder requiredOption(String option, String valueLabel, String description) {
            options.add(new OptionSpec(List.of(option), valueLabel, true, false, description));
            return this;
        }

        Builder intOption(String option, String valueLabel, String description) {
            options.add(new OptionSpec(List.of(option), valueLabel, false, true, description));
            return this;
        }

        Builder param(String label, String description) {
            params.add(new ParamSpec(label, false, false, description));
            return this;
        }

        Builder remainingParams(String label, String description) {
            params.add(new ParamSpec(label, true, false, description));
            return this;
        }

        /** Every remaining word, none at all included. */
        Builder optionalRemainingParams(String label, String description) {
            params.add(new ParamSpec(label, true, true, description));
            return this;
        }

        /** A positional argument that may be left out; it must come after the required ones. */
        Builder optionalParam(String label, String description) {
            params.add(new ParamSpec(label, false, true, description));
            return this;
        }

        CommandSpec runs(Action action) {
            return new CommandSpec(name, description, List.copyOf(options), List.copyOf(params), action);
        }
    }
}
