package dev.vireo.conf;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.xmlunit.builder.DiffBuilder;
import org.xmlunit.diff.Diff;

/**
 * Parses and formats each case of the shared libvirt 0.10.2 xml2xml corpus, read where it lies at test
 * time (it is not ours to copy), and compares with libvirt's expected output, ignoring whitespace and
 * attribute order as the conformance runner does. Skipped on machines without the corpus.
 */
class LibvirtCorpusTest {
    private static final Path CORPUS = Path.of(System.getProperty("vireo.corpus", "/work/shared/conformance/libvirt-0.10.2/xml2xml"));
    private static final Pattern CASE = Pattern.compile("\"id\":\\s*\"([^\"]+)\".*?\"input\":\\s*\"([^\"]+)\",\\s*\"expected\":\\s*\"([^\"]+)\"",
            Pattern.DOTALL);

    @TestFactory
    Stream<DynamicTest> xml2xml() throws IOException {
        Path manifest = CORPUS.resolve("manifest.json");
        assumeTrue(Files.isRegularFile(manifest), "no corpus at " + CORPUS);
        List<DynamicTest> tests = new ArrayList<>();
        Matcher m = CASE.matcher(Files.readString(manifest));
        while (m.find()) {
            Path input = CORPUS.resolve(m.group(2));
            Path expected = CORPUS.resolve(m.group(3));
            tests.add(DynamicTest.dynamicTest(m.group(1), () -> {
                String got = DomainXml.format(DomainXml.parse(Files.readString(input)));
                Diff diff = DiffBuilder.compare(Files.readString(expected)).withTest(got)
                        .ignoreWhitespace().ignoreComments().checkForSimilar().build();
                assertFalse(diff.hasDifferences(), () -> diff + "\n" + got);
            }));
        }
        assumeTrue(!tests.isEmpty(), "manifest lists no cases");
        return tests.stream();
    }
}
