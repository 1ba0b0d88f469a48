package dev.vireo.xmltests.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vireo.xmltests.corpus.Libvirt9Corpus.Outcome;
import dev.vireo.xmltests.corpus.Libvirt9Corpus.Stage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every document of the libvirt 9 corpus must validate, define to exactly what libvirt 9.0 stored,
 * and round-trip, except those listed in {@code libvirt9/KNOWN-GAPS} with the stage at which they
 * stop today. The list is a ratchet: a listed document must stop exactly there, so a change that
 * moves a document on (or back) fails here until the list says so. {@code -Dvireo.regenerate=true}
 * rewrites the list from the current results; read the changed lines before committing them.
 */
class Libvirt9CorpusTest {
    static final Path GAPS = Libvirt9Corpus.DIR.resolve("KNOWN-GAPS");
    private static final boolean REGENERATE = Boolean.getBoolean("vireo.regenerate");
    private static final Libvirt9Corpus CORPUS = new Libvirt9Corpus();

    @Test
    void corpusIsThere() {
        List<String> documents = Libvirt9Corpus.documents();
        assertTrue(documents.size() >= 60, "expected at least 60 corpus documents, found " + documents.size());
        for (String d : documents) {
            assertTrue(Files.exists(Libvirt9Corpus.expectedFor(d)) || Files.exists(Libvirt9Corpus.refusalFor(d)), "no libvirt output for " + d);
        }
    }

    @TestFactory
    Stream<DynamicTest> eachDocument() throws IOException {
        Map<String, Stage> gaps = readGaps();
        if (REGENERATE) {
            regenerate();
            return Stream.empty();
        }
        for (String listed : gaps.keySet()) {
            assertTrue(Libvirt9Corpus.documents().contains(listed), "KNOWN-GAPS names " + listed + ", which is not in the corpus");
        }
        return Libvirt9Corpus.documents().stream().map(doc -> DynamicTest.dynamicTest(doc, () -> {
            Outcome o = CORPUS.evaluate(doc);
            Stage expected = gaps.getOrDefault(doc, Stage.OK);
            assertEquals(expected, o.failedAt(), () -> doc + (o.failedAt() == Stage.OK ? " now passes every stage"
                    : " stops at " + o.failedAt().word() + ": " + o.detail())
                    + "; KNOWN-GAPS expects " + expected.word() + " (update it with -Dvireo.regenerate=true)");
        }));
    }

    static Map<String, Stage> readGaps() throws IOException {
        Map<String, Stage> gaps = new TreeMap<>();
        for (String line : Files.readAllLines(GAPS)) {
            if (line.isBlank() || line.startsWith("#")) continue;
            String[] words = line.split("\\s+", 3);
            gaps.put(words[0], Stage.valueOf(words[1].toUpperCase(java.util.Locale.ROOT)));
        }
        return gaps;
    }

    private static void regenerate() throws IOException {
        List<String> lines = new ArrayList<>(List.of(
                "# Corpus documents that do not yet pass every stage, with the stage they stop at and the first",
                "# problem there (schema, define, dumpxml, roundtrip). Libvirt9CorpusTest requires each listed",
                "# document to stop exactly there and every other one to pass; regenerate with",
                "# mvn -pl xml-tests -am test -Dtest=Libvirt9CorpusTest -Dsurefire.failIfNoSpecifiedTests=false -Dvireo.regenerate=true"));
        for (String doc : Libvirt9Corpus.documents()) {
            Outcome o = CORPUS.evaluate(doc);
            if (o.failedAt() == Stage.OK) continue;
            String detail = o.detail().length() > 160 ? o.detail().substring(0, 157) + "..." : o.detail();
            lines.add(doc + " " + o.failedAt().word() + " " + detail);
        }
        Files.write(GAPS, lines);
    }
}
