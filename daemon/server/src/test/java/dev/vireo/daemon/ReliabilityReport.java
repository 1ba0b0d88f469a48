package dev.vireo.daemon;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Rows for scripts/test-reliability's table: what a reliability test (JUnit tag {@code reliability})
 * tried, whether the daemon handled it, and what happened, with figures. Each test records its row
 * before it asserts, so a failure shows in the table too. Rows go to
 * {@code target/reliability/rows.tsv} of the module under test.
 */
public final class ReliabilityReport {
    private static final Path ROWS = Path.of("target", "reliability", "rows.tsv");

    private ReliabilityReport() {
    }

    public static synchronized void record(String test, String tried, boolean handled, String whatHappened) {
        String row = String.join("\t", clean(test), clean(tried), handled ? "yes" : "NO", clean(whatHappened)) + "\n";
        try {
            Files.createDirectories(ROWS.getParent());
            Files.writeString(ROWS, row, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + ROWS.toAbsolutePath(), e);
        }
    }

    private static String clean(String s) {
        return s.replace('\t', ' ').replace('\n', ' ');
    }
}
