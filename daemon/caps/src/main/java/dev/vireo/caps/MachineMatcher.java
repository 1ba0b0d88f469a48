package dev.vireo.caps;

import dev.vireo.conf.MachineTypes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Ranks an emulator's machine types by closeness to a name it lacks, for the refusal message. Machine
 * names are a family and a version ({@code pc-q35-7.2}): the same family comes first, nearest version
 * first (a newer one before an equally near older one), so {@code pc-q35-9.9} suggests
 * {@code pc-q35-7.2, pc-q35-7.1, ...}; the others follow by edit distance of the whole name, newer
 * first among equals.
 */
final class MachineMatcher {

    private static final Pattern VERSIONED = Pattern.compile("^(.*?)-?(\\d+)\\.(\\d+)$");
    static final int SUGGESTIONS = 5;

    private MachineMatcher() {
    }

    static List<String> closest(String wanted, List<MachineTypes.Machine> machines) {
        Versioned w = Versioned.of(wanted);
        List<MachineTypes.Machine> ranked = new ArrayList<>(machines);
        ranked.sort(Comparator.<MachineTypes.Machine>comparingInt(m -> sameFamily(w, m.name()) ? 0 : 1)
                .thenComparingInt(m -> sameFamily(w, m.name())
                        ? Math.abs(Versioned.of(m.name()).number - w.number) : distance(wanted, m.name()))
                .thenComparingInt(m -> -Versioned.of(m.name()).number)
                .thenComparing(MachineTypes.Machine::name));
        return ranked.stream().limit(SUGGESTIONS).map(MachineTypes.Machine::name).toList();
    }

    private static boolean sameFamily(Versioned w, String name) {
        Versioned v = Versioned.of(name);
        return w.family != null && w.family.equals(v.family);
    }

    /** A family name and major*1000+minor, or a null family for unversioned names. */
    private record Versioned(String family, int number) {
        static Versioned of(String name) {
            Matcher m = VERSIONED.matcher(name);
            if (!m.matches()) return new Versioned(null, 0);
            try {
                return new Versioned(m.group(1), Integer.parseInt(m.group(2)) * 1000 + Integer.parseInt(m.group(3)));
            } catch (NumberFormatException e) {
                return new Versioned(null, 0);
            }
        }
    }

    /** Levenshtein distance; names are short. */
    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
