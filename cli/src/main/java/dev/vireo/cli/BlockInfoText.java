package dev.vireo.cli;

import dev.vireo.protocol.DiskInfo;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code domblkinfo}'s text, as virsh 9.0 prints it: {@code Capacity:}, {@code Allocation:} and
 * {@code Physical:} lines for one disk, or with {@code --all} a table with a row per disk ({@code -}
 * for a drive without a medium). {@code --human} prints sizes as {@code 64.000 MiB}.
 */
final class BlockInfoText {
    private static final String[] UNITS = {"B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};

    private BlockInfoText() {
    }

    static void printOne(DiskInfo disk, boolean human, PrintWriter out) {
        out.printf("%-15s %s%n", "Capacity:", size(disk.capacity(), human));
        out.printf("%-15s %s%n", "Allocation:", size(disk.allocation(), human));
        out.printf("%-15s %s%n", "Physical:", size(disk.physical(), human));
        out.println();
    }

    /** virsh's table: columns as wide as their widest cell, three spaces apart, the last not padded. */
    static void printAll(List<DiskInfo> disks, boolean human, PrintWriter out) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[]{"Target", "Capacity", "Allocation", "Physical"});
        for (DiskInfo d : disks) {
            rows.add(new String[]{d.disk(), cell(d.capacity(), human), cell(d.allocation(), human), cell(d.physical(), human)});
        }
        int[] widths = new int[4];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) widths[i] = Math.max(widths[i], row[i].length());
        }
        int lineWidth = 1;
        for (int i = 0; i < widths.length; i++) lineWidth += widths[i] + (i + 1 < widths.length ? 3 : 0);
        for (int r = 0; r < rows.size(); r++) {
            StringBuilder line = new StringBuilder(" ");
            for (int i = 0; i < widths.length; i++) {
                boolean last = i + 1 == widths.length;
                line.append(last ? rows.get(r)[i] : String.format("%-" + widths[i] + "s   ", rows.get(r)[i]));
            }
            out.println(line);
            if (r == 0) out.println("-".repeat(lineWidth + 2));
        }
        out.println();
    }

    private static String cell(Long bytes, boolean human) {
        return bytes == null ? "-" : size(bytes, human);
    }

    /** Bytes, or with {@code human} the largest binary unit the value reaches, to three decimals. */
    static String size(long bytes, boolean human) {
        if (!human) return Long.toString(bytes);
        int unit = 0;
        double value = bytes;
        while (value >= 1024 && unit + 1 < UNITS.length) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.3f %s", value, UNITS[unit]);
    }
}
