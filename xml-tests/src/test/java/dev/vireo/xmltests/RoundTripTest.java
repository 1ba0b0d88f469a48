package dev.vireo.xmltests;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vireo.conf.DomainXml;
import dev.vireo.conf.XmlProblemsException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.xmlunit.builder.DiffBuilder;
import org.xmlunit.diff.Diff;

/**
 * Golden round trips: each {@code roundtrip/NAME.xml} is parsed and formatted as {@code dumpxml
 * --inactive} would print it, and must match {@code NAME.out.xml}, or the input itself when there is
 * no {@code .out.xml} (the input is then already in libvirt's form). Whitespace and attribute order
 * do not count; element order does.
 *
 * <p>{@code -Dvireo.regenerate=true} rewrites the goldens from the current output instead: an
 * {@code .out.xml} is written only where the output differs from the input, and removed where it no
 * longer does. Read every regenerated line before committing it.
 */
class RoundTripTest {
    private static final Path DIR = Path.of("src/test/resources/roundtrip");
    private static final boolean REGENERATE = Boolean.getBoolean("vireo.regenerate");

    @TestFactory
    Stream<DynamicTest> roundTrips() throws IOException {
        List<Path> inputs;
        try (Stream<Path> files = Files.list(DIR)) {
            inputs = files.filter(p -> p.toString().endsWith(".xml") && !p.toString().endsWith(".out.xml")).sorted().toList();
        }
        assertTrue(inputs.size() >= 60, "expected at least 60 round trips, found " + inputs.size());
        return inputs.stream().map(input -> DynamicTest.dynamicTest(name(input), () -> check(input)));
    }

    private static void check(Path input) throws IOException, XmlProblemsException {
        String source = Files.readString(input);
        String output = DomainXml.format(DomainXml.parse(source));
        Path golden = DIR.resolve(name(input) + ".out.xml");
        if (REGENERATE) {
            if (differs(source, output)) Files.writeString(golden, output);
            else Files.deleteIfExists(golden);
            return;
        }
        String expected = Files.exists(golden) ? Files.readString(golden) : source;
        Diff diff = DiffBuilder.compare(expected).withTest(output).ignoreWhitespace().ignoreComments().checkForSimilar().build();
        assertFalse(diff.hasDifferences(), () -> (Files.exists(golden) ? golden : input) + " differs: " + diff + "\n--- got:\n" + output);
        assertFalse(differs(output, DomainXml.format(DomainXml.parse(output))), "formatting its own output must change nothing");
    }

    private static boolean differs(String a, String b) {
        return DiffBuilder.compare(a).withTest(b).ignoreWhitespace().ignoreComments().checkForSimilar().build().hasDifferences();
    }

    private static String name(Path input) {
        String file = input.getFileName().toString();
        return file.substring(0, file.length() - ".xml".length());
    }
}
