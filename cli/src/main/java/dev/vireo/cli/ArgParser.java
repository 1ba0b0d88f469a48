package dev.vireo.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

/**
 * Matches a command's words against its {@link CommandSpec}: options anywhere among the positional
 * words, as {@code --opt VALUE}, {@code --opt=VALUE} or {@code -fVALUE}, and {@code --} ending the
 * options. The
 * messages are picocli's, which this replaced, so scripts matching them keep working.
 */
final class ArgParser {
    private ArgParser() {
    }

    /**
     * @param words  the words after the command name
     * @param offset the index of {@code words[0]} in the whole command line, for messages
     */
    static Invocation parse(CommandSpec command, List<String> words, int offset) throws UsageException {
        Set<String> flags = new HashSet<>();
        Map<String, String> options = new HashMap<>();
        Map<String, List<String>> repeated = new HashMap<>();
        List<String> params = new ArrayList<>();
        List<Integer> paramIndexes = new ArrayList<>();
        boolean optionsEnded = false;
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            if (optionsEnded || !word.startsWith("-") || word.equals("-")) {
                params.add(word);
                paramIndexes.add(offset + i);
                continue;
            }
            if (word.equals("--")) {
                optionsEnded = true;
                continue;
            }
            int eq = word.indexOf('=');
            String name = eq > 0 ? word.substring(0, eq) : word;
            OptionSpec option = command.option(name);
            OptionSpec shortWithValue = command.option(word.substring(0, Math.min(2, word.length())));
            if (option == null && !word.startsWith("--") && shortWithValue != null && !shortWithValue.isFlag()) {
                // -fqcow2: a short option with its value attached
                options.put(shortWithValue.longName(), checked(shortWithValue, word.substring(2)));
                continue;
            }
            if (option == null) throw new UsageException("Unknown option: '" + word + "'");
            if (option.isFlag()) {
                if (eq > 0) throw new UsageException("option '" + name + "' takes no value: '" + word + "'");
                flags.add(option.longName());
                continue;
            }
            String value;
            if (eq > 0) {
                value = word.substring(eq + 1);
            } else if (i + 1 < words.size()) {
                value = words.get(++i);
            } else {
                throw new UsageException("Missing required parameter for option '" + option.longName()
                        + "' (" + option.valueLabel() + ")");
            }
            options.put(option.longName(), checked(option, value));
            if (option.repeatable()) repeated.computeIfAbsent(option.longName(), k -> new ArrayList<>()).add(value);
        }
        checkRequiredOptions(command, options);
        checkParams(command, params, paramIndexes);
        return new Invocation(flags, options, params, repeated, null);
    }

    /** The value, once it is known to be a whole number where the option wants one. */
    private static String checked(OptionSpec option, String value) throws UsageException {
        if (!option.integer()) return value;
        try {
            Integer.parseInt(value);
            return value;
        } catch (NumberFormatException e) {
            throw new UsageException("Invalid value for option '" + option.longName() + "': '" + value
                    + "' is not an int");
        }
    }

    private static void checkRequiredOptions(CommandSpec command, Map<String, String> given) throws UsageException {
        for (OptionSpec o : command.options()) {
            if (o.required() && !given.containsKey(o.longName())) {
                throw new UsageException("Missing required option: '" + o.synopsis() + "'");
            }
        }
    }

    private static void checkParams(CommandSpec command, List<String> params, List<Integer> indexes)
            throws UsageException {
        List<ParamSpec> specs = command.params();
        boolean variadic = !specs.isEmpty() && specs.getLast().variadic();
        int required = (int) specs.stream().filter(p -> !p.optional()).count();
        if (params.size() < required) {
            List<ParamSpec> missing = specs.subList(params.size(), required);
            StringJoiner labels = new StringJoiner(", ");
            for (ParamSpec p : missing) labels.add("'" + p.label() + "'");
            throw new UsageException((missing.size() == 1 ? "Missing required parameter: "
                    : "Missing required parameters: ") + labels);
        }
        if (!variadic && params.size() > specs.size()) {
            int first = specs.size();
            throw new UsageException("Unmatched argument at index " + indexes.get(first) + ": '"
                    + params.get(first) + "'");
        }
    }
}
