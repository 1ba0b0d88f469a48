package dev.vireo.xmltests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.vireo.conf.DomainXml;
import dev.vireo.conf.XmlProblem;
import dev.vireo.conf.XmlProblemsException;
import dev.vireo.conf.validate.SchemaKind;
import dev.vireo.conf.validate.ValidatedRead;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each {@code invalid/NAME.xml} must be refused with the problems its {@code NAME.expect} lists.
 * The sidecar holds {@code #} comments (what the document gets wrong), one {@code stage:} line
 * and one {@code expect:} line per problem: a fragment of the problem as printed
 * ({@code line L:C: PATH: MESSAGE}). The document must produce exactly as many problems as there
 * are {@code expect:} lines, each matching one of them.
 *
 * <p>Stages: {@code schema} reads through {@link ValidatedRead} only (schema refusals), and
 * checks that the full {@link DomainXml#parse} reports the very same problems; {@code parse}
 * goes through the full parse only (binding, value and consistency checks);
 * {@code snapshot-schema} validates a {@code <domainsnapshot>} document.
 * A new stage is one more entry in {@link #STAGES}.
 */
class InvalidDocumentsTest {

    /** How a document is read for one stage; returns every problem found. */
    @FunctionalInterface
    interface Stage {
        List<XmlProblem> problems(String xml);
    }

    static final Map<String, Stage> STAGES = Map.of(
            "schema", xml -> schemaProblems(xml, SchemaKind.DOMAIN),
            "snapshot-schema", xml -> schemaProblems(xml, SchemaKind.DOMAIN_SNAPSHOT),
            "parse", InvalidDocumentsTest::parseProblems);

    record Case(String name, String xml, String stage, List<String> expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() throws IOException, URISyntaxException {
        var folder = InvalidDocumentsTest.class.getResource("/invalid");
        if (folder == null) fail("test resources folder invalid/ is not on the class path");
        Path dir = Path.of(folder.toURI());
        List<Case> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path xml : files.filter(f -> f.toString().endsWith(".xml")).sorted().toList()) {
                out.add(read(xml));
            }
        }
        return out.stream();
    }

    private static Case read(Path xml) throws IOException {
        String name = xml.getFileName().toString().replaceFirst("\\.xml$", "");
        Path sidecar = xml.resolveSibling(name + ".expect");
        if (!Files.exists(sidecar)) fail(name + ".xml has no " + name + ".expect");
        String stage = null;
        List<String> expected = new ArrayList<>();
        for (String line : Files.readAllLines(sidecar)) {
            if (line.isBlank() || line.startsWith("#")) continue;
            if (line.startsWith("stage:")) stage = line.substring("stage:".length()).strip();
            else if (line.startsWith("expect:")) expected.add(line.substring("expect:".length()).strip());
            else fail(sidecar + ": unknown line '" + line + "' (expected #, stage: or expect:)");
        }
        if (stage == null) fail(sidecar + ": no stage: line");
        if (expected.isEmpty()) fail(sidecar + ": no expect: line");
        return new Case(name, Files.readString(xml), stage, expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void isRefusedAsExpected(Case c) {
        Stage stage = STAGES.get(c.stage());
        if (stage == null) fail(c.name() + ": unknown stage '" + c.stage() + "'; known: " + STAGES.keySet());
        List<String> actual = stage.problems(c.xml()).stream().map(XmlProblem::toString).toList();
        assertFalse(actual.isEmpty(), c.name() + " was accepted");
        for (String fragment : c.expected()) {
            assertTrue(actual.stream().anyMatch(p -> p.contains(fragment)),
                    () -> c.name() + ": no problem contains\n  " + fragment + "\ngot\n  " + String.join("\n  ", actual));
        }
        assertEquals(c.expected().size(), actual.size(),
                () -> c.name() + ": unexpected extra problems:\n  " + String.join("\n  ", actual));
        if (c.stage().equals("schema")) {
            // what vireo define/validate print: the full parse must report the schema's problems unchanged
            assertEquals(actual, parseProblems(c.xml()).stream().map(XmlProblem::toString).toList(),
                    () -> c.name() + ": the full parse reports these differently");
        }
    }

    private static List<XmlProblem> schemaProblems(String xml, SchemaKind kind) {
        try (ValidatedRead read = ValidatedRead.open(xml, kind)) {
            XMLStreamReader r = read.reader();
            try {
                while (r.hasNext()) r.next();
            } catch (XMLStreamException notWellFormed) {
                // recorded among the problems
            }
            return read.problems();
        } catch (XmlProblemsException e) {
            return e.problems();
        }
    }

    private static List<XmlProblem> parseProblems(String xml) {
        try {
            DomainXml.parse(xml);
            return List.of();
        } catch (XmlProblemsException e) {
            return e.problems();
        }
    }

    /** Keeps the corpus honest: at least 30 documents, every one with its sidecar. */
    @Test
    void corpusIsLargeEnough() throws Exception {
        assertTrue(cases().count() >= 30);
    }
}
