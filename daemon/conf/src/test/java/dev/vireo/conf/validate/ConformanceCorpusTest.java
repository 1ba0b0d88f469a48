package dev.vireo.conf.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every domain document of the shared libvirt 0.10.2 conformance corpus (inputs and expected
 * outputs, x86 and the few s390x/ppc64 ones) must pass the schema. Read in place at test time, never copied; skipped where the
 * corpus is absent. Documents the corpus expects to be refused fail semantic checks, not the schema.
 */
class ConformanceCorpusTest {
    static final Path CORPUS = Path.of(System.getProperty("vireo.conformance",
            "/work/shared/conformance/libvirt-0.10.2"));
    private static final Pattern DOMAIN = Pattern.compile("<domain[\\s>]");

    static Stream<Path> domainDocuments() throws IOException {
        assumeTrue(Files.isDirectory(CORPUS), "conformance corpus not present at " + CORPUS);
        Stream.Builder<Path> out = Stream.builder();
        for (String folder : new String[] {"xml2xml", "argv"}) {
            Path dir = CORPUS.resolve(folder);
            if (!Files.isDirectory(dir)) continue;
            try (Stream<Path> files = Files.list(dir)) {
                files.filter(f -> f.toString().endsWith(".xml")).sorted().forEach(f -> {
                    if (DOMAIN.matcher(read(f)).find()) out.add(f);
                });
            }
        }
        return out.build();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("domainDocuments")
    void schemaAccepts(Path document) throws Exception {
        assertEquals(java.util.List.of(), ValidatedReadTest.problemsOf(read(document)),
                () -> document.getFileName() + " was refused");
    }

    private static String read(Path f) {
        try {
            return Files.readString(f);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
