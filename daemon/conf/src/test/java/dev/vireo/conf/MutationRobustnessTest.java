package dev.vireo.conf;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Damaged documents must be refused with problems, never crash the parser: starting from valid domains
 * (the project's round-trip fixtures and, when present, the shared libvirt corpus), attributes and empty
 * elements are removed or given odd values, and each result must parse or raise {@link XmlProblemsException}.
 * The seed is fixed so that a failure reproduces.
 */
class MutationRobustnessTest {
    private static final List<Path> SEED_DIRS = List.of(
            Path.of("../../xml-tests/src/test/resources/roundtrip"),
            Path.of("/work/shared/conformance/libvirt-0.10.2/xml2xml"));
    private static final Pattern ATTRIBUTE = Pattern.compile(" [a-zA-Z_]+='[^']*'");
    private static final Pattern EMPTY_ELEMENT = Pattern.compile("<[a-z_]+( [^>]*)?/>");
    private static final String[] ODD_VALUES = {"0", "-1", "7", "abc", "99999999999", "0x10", "", "yes", "off", "auto", "vda"};

    @Test
    void mutatedDocumentsAreRefusedOrAcceptedButNeverCrash() throws IOException {
        List<String> seeds = seeds();
        assumeTrue(!seeds.isEmpty(), "no seed documents found");
        Random random = new Random(20261122);
        List<String> crashes = new ArrayList<>();
        for (int i = 0; i < 2000 && crashes.size() < 5; i++) {
            String doc = mutate(seeds.get(random.nextInt(seeds.size())), random);
            try {
                DomainXml.format(DomainXml.parse(doc));
            } catch (XmlProblemsException refused) {
                // the expected outcome for most mutations
            } catch (RuntimeException e) {
                crashes.add(e + "\n" + doc);
            }
        }
        assertTrue(crashes.isEmpty(), () -> "parse threw instead of refusing:\n" + String.join("\n\n", crashes));
    }

    private static List<String> seeds() throws IOException {
        List<String> seeds = new ArrayList<>();
        for (Path dir : SEED_DIRS) {
            if (!Files.isDirectory(dir)) continue;
            try (Stream<Path> files = Files.list(dir)) {
                for (Path p : files.filter(f -> f.toString().endsWith(".xml")).sorted().toList()) {
                    String xml = Files.readString(p);
                    if (xml.contains("<domain")) seeds.add(xml);
                }
            }
        }
        return seeds;
    }

    private static String mutate(String doc, Random random) {
        for (int k = 0, n = 1 + random.nextInt(3); k < n; k++) {
            boolean attribute = random.nextBoolean();
            Matcher m = (attribute ? ATTRIBUTE : EMPTY_ELEMENT).matcher(doc);
            List<int[]> spans = new ArrayList<>();
            while (m.find()) spans.add(new int[] {m.start(), m.end()});
            if (spans.isEmpty()) continue;
            int[] span = spans.get(random.nextInt(spans.size()));
            String replacement = "";
            if (attribute && random.nextBoolean()) {
                String piece = doc.substring(span[0], span[1]);
                replacement = piece.substring(0, piece.indexOf('=') + 2) + ODD_VALUES[random.nextInt(ODD_VALUES.length)] + "'";
            }
            doc = doc.substring(0, span[0]) + replacement + doc.substring(span[1]);
        }
        return doc;
    }
}
