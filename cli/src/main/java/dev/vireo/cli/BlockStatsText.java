package dev.vireo.cli;

import dev.vireo.protocol.DiskStats;

import java.io.PrintWriter;
import java.util.Map;

/**
 * {@code domblkstat}'s text, as virsh 9.0 prints it: {@code DISK NAME VALUE} per counter (the disk
 * empty for the sum over every disk), or with {@code --human} a {@code Device:} line and one
 * explanatory label per counter, padded to the longest.
 */
final class BlockStatsText {
    /** virsh's {@code --human} label of each counter. */
    private static final Map<String, String> LABELS = Map.of(
            "rd_req", "number of read operations:",
            "rd_bytes", "number of bytes read:",
            "wr_req", "number of write operations:",
            "wr_bytes", "number of bytes written:",
            "flush_operations", "number of flush operations:",
            "rd_total_times", "total duration of reads (ns):",
            "wr_total_times", "total duration of writes (ns):",
            "flush_total_times", "total duration of flushes (ns):");
    private static final int LABEL_WIDTH = LABELS.values().stream().mapToInt(String::length).max().orElseThrow();

    private BlockStatsText() {
    }

    static void print(DiskStats stats, boolean human, PrintWriter out) {
        if (human) out.println("Device: " + stats.disk());
        stats.fields().forEach((name, value) -> {
            if (human) out.printf(" %-" + LABEL_WIDTH + "s %d%n", LABELS.get(name), value);
            else out.printf("%s %s %d%n", stats.disk(), name, value);
        });
        out.println();
    }
}
