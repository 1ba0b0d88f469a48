package dev.vireo.caps;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code -help} output of an emulator, split into option blocks.
 *
 * <p>QEMU prints each option on a line starting with {@code -} ({@code -drive [file=file][,if=type]...}),
 * followed by indented continuation and explanation lines. Asking "which sub-options does
 * {@code -drive} list" of its own block, rather than of the whole text, avoids bogus matches that a
 * plain search of the text would make: QEMU 7.2's {@code -smbios ... [,serial=str]} is not
 * {@code -drive ... [,serial=s]}, and {@code -no-kvm-pit-reinjection} is not {@code -no-kvm}.
 */
final class HelpText {

    private final String text;
    private final String firstLine;
    private final Map<String, String> blocks;

    private HelpText(String text, String firstLine, Map<String, String> blocks) {
        this.text = text;
        this.firstLine = firstLine;
        this.blocks = blocks;
    }

    static HelpText of(String text) {
        List<String> lines = text.lines().toList();
        Map<String, StringBuilder> blocks = new HashMap<>();
        StringBuilder current = null;
        for (String line : lines) {
            if (line.startsWith("-") && line.length() > 1) {
                String option = optionName(line);
                current = blocks.computeIfAbsent(option, k -> new StringBuilder());
                current.append(line).append('\n');
            } else if (current != null && !line.isEmpty() && Character.isWhitespace(line.charAt(0))) {
                current.append(line).append('\n');
            } else {
                current = null;
            }
        }
        Map<String, String> done = new HashMap<>();
        blocks.forEach((option, block) -> done.put(option, block.toString()));
        return new HelpText(text, lines.isEmpty() ? "" : lines.getFirst(), Map.copyOf(done));
    }

    /** {@code -drive} for "-drive [file=file]...", {@code -smbios} for "-smbios type=0[,vendor=str]". */
    private static String optionName(String line) {
        int end = 1;
        while (end < line.length() && !isOptionNameEnd(line.charAt(end))) end++;
        return line.substring(0, end);
    }

    private static boolean isOptionNameEnd(char c) {
        return Character.isWhitespace(c) || c == '[' || c == ',' || c == '=';
    }

    String firstLine() {
        return firstLine;
    }

    boolean hasOption(String option) {
        return blocks.containsKey(option);
    }

    /** Every line of every block of {@code option} (some options, such as {@code -fsdev}, have several). */
    String block(String option) {
        return blocks.getOrDefault(option, "");
    }

    boolean optionMentions(String option, String fragment) {
        return block(option).contains(fragment);
    }

    /** A search of the whole text, for facts that are not tied to one option. */
    boolean mentions(String fragment) {
        return text.contains(fragment);
    }
}
