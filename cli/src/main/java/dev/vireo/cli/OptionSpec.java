package dev.vireo.cli;

import java.util.List;

/**
 * One option of a command: its spellings ({@code -f}, {@code --format}), the label of its value
 * (null for a flag), whether it must be given, whether its value is a whole number, its help, and
 * whether it may be given more than once (every value kept, in order).
 */
record OptionSpec(List<String> names, String valueLabel, boolean required, boolean integer, String description,
                  boolean repeatable) {

    OptionSpec(List<String> names, String valueLabel, boolean required, boolean integer, String description) {
        this(names, valueLabel, required, integer, description, false);
    }

    boolean isFlag() {
        return valueLabel == null;
    }

    /** The longest spelling, the one messages and usage lines name. */
    String longName() {
        return names.getLast();
    }

    /** {@code --timeout=SECONDS} as picocli spelled it in messages, or just the name for a flag. */
    String synopsis() {
        return isFlag() ? longName() : longName() + "=" + valueLabel;
    }
}
