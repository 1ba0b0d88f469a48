package dev.vireo.cli;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * virsh's numbers on the command line: a plain non-negative integer, or a "scaled integer" with
 * a unit suffix ({@code b}/{@code bytes}; {@code k}, {@code KiB} = 1024; {@code KB} = 1000; and
 * M, G, T, P, E likewise), without a suffix in the command's default unit.
 */
final class ScaledNumbers {
    private static final Pattern SCALED = Pattern.compile("([0-9]+)([a-zA-Z]*)");
    private static final String UNITS = "kmgtpe";

    private ScaledNumbers() {
    }

    /** {@code text} scaled to bytes ({@code defaultScale} without a suffix); {@code option} names it in the error. */
    static long scaled(String text, long defaultScale, String option) throws UsageException {
        Matcher m = SCALED.matcher(text);
        UsageException bad = new UsageException("Scaled numeric value '" + text + "' for <" + option
                + "> option is malformed or out of range");
        if (!m.matches()) throw bad;
        long scale = scale(m.group(2), defaultScale);
        if (scale < 0) throw bad;
        try {
            return Math.multiplyExact(Long.parseLong(m.group(1)), scale);
        } catch (ArithmeticException | NumberFormatException e) {
            throw bad;
        }
    }

    /** A plain non-negative integer. */
    static long plain(String text, String option) throws UsageException {
        try {
            if (!text.matches("[0-9]+")) throw new NumberFormatException(text);
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new UsageException("Numeric value '" + text + "' for <" + option + "> option is malformed or out of range");
        }
    }

    /** The multiplier of {@code suffix}, or -1 for an unknown one. */
    private static long scale(String suffix, long defaultScale) {
        if (suffix.isEmpty()) return defaultScale;
        String lower = suffix.toLowerCase();
        if (lower.equals("b") || lower.equals("byte") || lower.equals("bytes")) return 1;
        long base;
        if (suffix.length() == 1 || suffix.substring(1).equalsIgnoreCase("ib")) base = 1024;
        else if (suffix.length() == 2 && Character.toLowerCase(suffix.charAt(1)) == 'b') base = 1000;
        else return -1;
        int power = UNITS.indexOf(lower.charAt(0)) + 1;
        if (power == 0) return -1;
        long scale = 1;
        for (int i = 0; i < power; i++) scale *= base;
        return scale;
    }
}
