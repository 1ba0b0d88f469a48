package dev.vireo.conf;

import java.util.BitSet;

/**
 * libvirt's CPU and NUMA node lists ({@code cpuset='1-4,8-20,^5'}): ranges, single numbers and
 * {@code ^n} exclusions, printed back as the shortest range list ({@code 1-4,6-20}).
 */
public final class CpuSet {
    /** libvirt refuses CPU numbers beyond its bitmap size. */
    public static final int MAX_CPUS = 4096;

    private CpuSet() {
    }

    /** Parses a list; the exception says which part is wrong. */
    public static BitSet parse(String text) {
        BitSet set = new BitSet();
        BitSet excluded = new BitSet();
        for (String raw : text.split(",", -1)) {
            String part = raw.strip();
            if (part.isEmpty()) throw new IllegalArgumentException("empty entry in '" + text + "'");
            boolean exclude = part.startsWith("^");
            if (exclude) part = part.substring(1).strip();
            int dash = part.indexOf('-');
            int from = number(dash < 0 ? part : part.substring(0, dash), text);
            int to = dash < 0 ? from : number(part.substring(dash + 1), text);
            if (exclude && dash >= 0) throw new IllegalArgumentException("a range cannot be excluded in '" + text + "'");
            if (to < from) throw new IllegalArgumentException("range " + part + " runs backwards in '" + text + "'");
            (exclude ? excluded : set).set(from, to + 1);
        }
        set.andNot(excluded);
        return set;
    }

    /** Prints a set as libvirt does: ascending, runs of two or more as {@code a-b}. */
    public static String format(BitSet set) {
        StringBuilder b = new StringBuilder();
        for (int start = set.nextSetBit(0); start >= 0; ) {
            int end = set.nextClearBit(start) - 1;
            if (!b.isEmpty()) b.append(',');
            b.append(start);
            if (end > start) b.append('-').append(end);
            start = set.nextSetBit(end + 1);
        }
        return b.toString();
    }

    /** The canonical spelling of a list. */
    public static String normalise(String text) {
        return format(parse(text));
    }

    private static int number(String s, String whole) {
        try {
            int n = Integer.parseInt(s.strip());
            if (n < 0 || n >= MAX_CPUS) throw new IllegalArgumentException(n + " is out of range 0-" + (MAX_CPUS - 1) + " in '" + whole + "'");
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + s.strip() + "' is not a number in '" + whole + "'");
        }
    }
}
