package dev.vireo.xmltests.corpus;

import dev.vireo.caps.MachineTypesProbe;
import dev.vireo.conf.DomainXml;
import dev.vireo.conf.EmulatorFacts;
import dev.vireo.conf.FormatMode;
import dev.vireo.conf.XmlProblemsException;
import dev.vireo.conf.validate.SchemaKind;
import dev.vireo.conf.validate.ValidatedRead;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.xmlunit.builder.DiffBuilder;
import org.xmlunit.diff.Diff;
import org.xmlunit.diff.Difference;

/**
 * The libvirt 9 corpus ({@code src/test/resources/libvirt9/}, made by {@code scripts/gen-libvirt9-corpus}):
 * every {@code NAME.xml} (what virt-install writes) and {@code NAME.libvirt.xml} (what libvirt 9.0
 * stored for it) is a document to define, and {@code NAME.libvirt.xml} is what Vireo must store for
 * either. Each document is taken through the daemon's own steps, with the daemon's emulator probe:
 * validate + define (one parse), dumpxml (compared with libvirt's after the normalisation below),
 * then a round trip of Vireo's own output.
 *
 * <p>A document libvirt 9.0 refuses to define has {@code NAME.libvirt-refuses.txt} (libvirt's
 * message) instead of a stored form: Vireo must refuse it too, at the schema or at define.
 *
 * <p>Normalisation: whitespace between elements, comments, attribute order and quote style do not
 * count; nothing else is rewritten (the generator fixes UUIDs, MAC addresses and disk paths).
 */
public final class Libvirt9Corpus {
    public static final Path DIR = Path.of("src/test/resources/libvirt9");

    /** How far a document got; each stage includes the ones before it. */
    public enum Stage {
        /** the schema refuses it */
        SCHEMA,
        /** the schema accepts it but binding, the semantic checks or the defaults refuse it */
        DEFINE,
        /** defined, but dumpxml differs from what libvirt 9.0 stored */
        DUMPXML,
        /** dumpxml matches libvirt's, but defining Vireo's own output changes it */
        ROUNDTRIP,
        /** all of it */
        OK;

        public String word() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * Where a document stopped and why (the first problem or difference; empty when OK). For a
     * document libvirt refuses ({@code libvirtRefuses}), OK means Vireo refused it too and the detail
     * is Vireo's reason; DEFINE means Vireo accepted it.
     */
    public record Outcome(String document, Stage failedAt, String detail, boolean libvirtRefuses) {
        Outcome(String document, Stage failedAt, String detail) {
            this(document, failedAt, detail, false);
        }

        public boolean passed(Stage stage) {
            return failedAt.ordinal() > stage.ordinal();
        }
    }

    private final EmulatorFacts emulators;

    public Libvirt9Corpus() {
        this(new MachineTypesProbe());
    }

    public Libvirt9Corpus(EmulatorFacts emulators) {
        this.emulators = emulators;
    }

    /** Every document of the corpus, by file name, sorted. */
    public static List<String> documents() {
        try (Stream<Path> files = Files.list(DIR)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".xml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The stored form libvirt 9.0 printed for a document. */
    public static Path expectedFor(String document) {
        String base = document.endsWith(".libvirt.xml") ? document.substring(0, document.length() - ".libvirt.xml".length())
                : document.substring(0, document.length() - ".xml".length());
        return DIR.resolve(base + ".libvirt.xml");
    }

    /** libvirt 9.0's message when it refuses to define a document, else null. */
    public static String libvirtRefusal(String document) throws IOException {
        Path p = refusalFor(document);
        if (!Files.exists(p)) return null;
        // the first lines, starting with '#', say how the file was made
        return String.join(" ", Files.readAllLines(p).stream().filter(l -> !l.startsWith("#")).toList()).strip();
    }

    /** Where libvirt 9.0's refusal of a hand-written document is kept. */
    public static Path refusalFor(String document) {
        return DIR.resolve(document.substring(0, document.length() - ".xml".length()) + ".libvirt-refuses.txt");
    }

    public Outcome evaluate(String document) throws IOException {
        String refusal = libvirtRefusal(document);
        if (refusal != null) {
            Outcome o = evaluateAccepted(document);
            return switch (o.failedAt()) {
                case SCHEMA, DEFINE -> new Outcome(document, Stage.OK, o.detail(), true);
                default -> new Outcome(document, Stage.DEFINE, "libvirt 9.0 refuses it (" + refusal.replaceAll("\\s+", " ")
                        + ") but Vireo defines it", true);
            };
        }
        return evaluateAccepted(document);
    }

    private Outcome evaluateAccepted(String document) throws IOException {
        String xml = Files.readString(DIR.resolve(document));
        try (ValidatedRead read = ValidatedRead.open(xml, SchemaKind.DOMAIN)) {
            while (read.reader().hasNext()) read.reader().next();
            if (!read.problems().isEmpty()) return new Outcome(document, Stage.SCHEMA, read.problems().getFirst().toString());
        } catch (XmlProblemsException e) {
            return new Outcome(document, Stage.SCHEMA, e.problems().getFirst().toString());
        } catch (javax.xml.stream.XMLStreamException e) {
            return new Outcome(document, Stage.SCHEMA, e.getMessage());
        }
        String stored;
        try {
            stored = define(xml);
        } catch (XmlProblemsException e) {
            return new Outcome(document, Stage.DEFINE, e.problems().getFirst().toString());
        } catch (RuntimeException e) {
            return new Outcome(document, Stage.DEFINE, "crashed: " + e);
        }
        if (!Files.exists(expectedFor(document))) return new Outcome(document, Stage.DUMPXML, "defined; libvirt's stored form is not there to compare");
        String difference = firstDifference(Files.readString(expectedFor(document)), stored);
        if (difference != null) return new Outcome(document, Stage.DUMPXML, difference);
        try {
            String again = define(stored);
            difference = firstDifference(stored, again);
            if (difference != null) return new Outcome(document, Stage.ROUNDTRIP, difference);
        } catch (XmlProblemsException e) {
            return new Outcome(document, Stage.ROUNDTRIP, "own output refused: " + e.problems().getFirst());
        }
        return new Outcome(document, Stage.OK, "");
    }

    /** What the daemon stores for {@code xml}: define (validate, bind, defaults, checks), then dumpxml --inactive. */
    public String define(String xml) throws XmlProblemsException {
        return DomainXml.format(DomainXml.parse(xml, FormatMode.INACTIVE, emulators));
    }

    /** The first difference after normalisation, in one line, or null when there is none. */
    static String firstDifference(String expected, String actual) {
        Diff diff = DiffBuilder.compare(expected).withTest(actual).ignoreWhitespace().ignoreComments().checkForSimilar().build();
        for (Difference d : diff.getDifferences()) {
            return d.getComparison().toString().replaceAll("\\s+", " ");
        }
        return null;
    }
}
