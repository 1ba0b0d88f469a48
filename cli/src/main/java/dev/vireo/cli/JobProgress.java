package dev.vireo.cli;

import dev.vireo.protocol.BlockJobState;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * virsh's progress line for a long job on stderr, {@code \rBlock Pull: [ 45 %]}, followed by what
 * virsh does not show: the rate since the last line and the time left at that rate (or
 * {@code paused}). Like virsh it shows at most 99 % until the job is over, and {@code [100 %]}
 * only from {@link #finished}.
 */
final class JobProgress {
    private final PrintWriter err;
    private final String label;
    private long lastCur = -1;
    private long lastNanos;
    private double rate = -1;
    private int lastWidth;

    JobProgress(PrintWriter err, String label) {
        this.err = err;
        this.label = label;
    }

    /** virsh's percentage: 100 only when nothing remains. */
    static int percent(long cur, long end) {
        if (end <= 0) return 0;
        long remaining = Math.max(0, end - cur);
        int p = (int) (100.0 - remaining * 100.0 / end);
        return remaining > 0 ? Math.min(p, 99) : 100;
    }

    void show(BlockJobState s) {
        long now = System.nanoTime();
        if (lastCur >= 0 && now > lastNanos && s.cur() >= lastCur) {
            double sample = (s.cur() - lastCur) * 1e9 / (now - lastNanos);
            rate = rate < 0 ? sample : 0.5 * rate + 0.5 * sample;
        }
        lastCur = s.cur();
        lastNanos = now;
        int pct = Math.min(percent(s.cur(), s.end()), 99);
        String extra;
        if (s.paused()) {
            extra = "  paused" + (s.ioStatus() != null && !s.ioStatus().equals("ok") ? " (I/O " + s.ioStatus() + ")" : "");
        } else if (s.ready()) {
            extra = "  ready";
        } else if (rate > 0) {
            long left = Math.round((s.end() - s.cur()) / rate);
            extra = String.format(Locale.ROOT, "  %s/s, %s left", size(rate), duration(left));
        } else {
            extra = "";
        }
        line(String.format(Locale.ROOT, "%s: [%3d %%]", label, pct) + extra);
    }

    /** The job is over (completed or in sync): {@code [100 %]}. */
    void finished() {
        line(String.format(Locale.ROOT, "%s: [100 %%]", label));
    }

    private void line(String text) {
        String pad = text.length() < lastWidth ? " ".repeat(lastWidth - text.length()) : "";
        err.print("\r" + text + pad);
        err.flush();
        lastWidth = text.length();
    }

    static String size(double bytes) {
        String[] units = {"B", "KiB", "MiB", "GiB", "TiB"};
        int u = 0;
        while (bytes >= 1024 && u < units.length - 1) {
            bytes /= 1024;
            u++;
        }
        return String.format(Locale.ROOT, u == 0 ? "%.0f %s" : "%.1f %s", bytes, units[u]);
    }

    static String duration(long seconds) {
        if (seconds < 60) return seconds + " s";
        if (seconds < 3600) return String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60);
        return String.format(Locale.ROOT, "%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60);
    }
}
