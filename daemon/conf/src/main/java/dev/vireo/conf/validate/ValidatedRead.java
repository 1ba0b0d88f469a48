package dev.vireo.conf.validate;

import dev.vireo.conf.XmlProblem;
import dev.vireo.conf.XmlProblemsException;
import java.util.Comparator;
import java.util.List;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.codehaus.stax2.XMLStreamReader2;

/**
 * One pass over a document that validates it against a schema while something else (JAXB)
 * reads it:
 * <pre>{@code
 * try (ValidatedRead read = ValidatedRead.open(xml, SchemaKind.DOMAIN)) {
 *     Object bound = unmarshaller.unmarshal(read.reader());   // may throw if the XML breaks off
 *     if (!read.problems().isEmpty()) throw new XmlProblemsException(read.problems());
 * }
 * }</pre>
 * If the unmarshaller throws, {@link #problems()} still holds the reason (a not-well-formed
 * problem is recorded before the reader throws). Not thread-safe; the schemas behind it are
 * compiled once and shared.
 */
public final class ValidatedRead implements AutoCloseable {
    private final TrackingReader reader;
    private List<XmlProblem> problems;

    private ValidatedRead(TrackingReader reader) {
        this.reader = reader;
    }

    /**
     * Starts reading {@code xml}, positioned on its root element.
     *
     * @throws XmlProblemsException when the prolog is not well-formed, holds a DOCTYPE (no DTDs
     *                              or entities are accepted), or there is no root element
     */
    public static ValidatedRead open(String xml, SchemaKind kind) throws XmlProblemsException {
        CompiledSchemas.Compiled compiled = CompiledSchemas.of(kind);
        TrackingReader tracking;
        try {
            XMLStreamReader2 raw = HardenedInput.reader(xml);
            tracking = new TrackingReader(raw, compiled.translator());
            raw.validateAgainst(compiled.schema());
        } catch (XMLStreamException e) {
            throw new XmlProblemsException(NotWellFormed.finding(e, ElementNode.document()).toProblem());
        }
        toRootElement(tracking);
        return new ValidatedRead(tracking);
    }

    /** Skips the prolog (declaration, comments, processing instructions), refusing a DOCTYPE. */
    private static void toRootElement(TrackingReader r) throws XmlProblemsException {
        try {
            int event = r.getEventType();
            while (event != XMLStreamConstants.START_ELEMENT) {
                if (event == XMLStreamConstants.DTD) {
                    javax.xml.stream.Location at = r.getLocation();
                    throw new XmlProblemsException(new XmlProblem(at.getLineNumber(), at.getColumnNumber(), "",
                            "DOCTYPE declarations are not accepted: Vireo reads no DTDs and expands no entities"
                                    + " (this rules out external-entity and entity-expansion attacks); remove it"));
                }
                if (event == XMLStreamConstants.END_DOCUMENT || !r.hasNext()) {
                    throw new XmlProblemsException(new XmlProblem(0, 0, "", "the document has no root element"));
                }
                event = r.next();
            }
        } catch (XMLStreamException e) {
            throw new XmlProblemsException(r.findings().isEmpty()
                    ? NotWellFormed.finding(e, ElementNode.document()).toProblem()
                    : r.findings().getLast().toProblem());
        }
    }

    /** The validating reader, positioned on the root element's start tag. */
    public XMLStreamReader reader() {
        return reader;
    }

    /**
     * Every problem in the document, in document order: schema problems translated into
     * precise messages, and a not-well-formed error if reading broke off. Reads the rest of the
     * document first if the consumer stopped early.
     */
    public List<XmlProblem> problems() {
        if (problems == null) {
            reader.drain();
            problems = reader.findings().stream().map(Finding::toProblem)
                    .sorted(Comparator.comparingInt(XmlProblem::line).thenComparingInt(XmlProblem::column))
                    .toList();
        }
        return problems;
    }

    @Override
    public void close() {
        try {
            reader.close();
        } catch (XMLStreamException e) {
            // nothing is held open beyond the in-memory string
        }
    }
}
