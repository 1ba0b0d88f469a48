package dev.vireo.conf.validate;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.xml.stream.Location;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import org.codehaus.stax2.XMLStreamReader2;
import org.codehaus.stax2.util.StreamReader2Delegate;
import org.codehaus.stax2.validation.XMLValidationProblem;

/**
 * The validating reader handed to JAXB. It watches the events going by to know which element
 * each validation problem belongs to: Woodstox reports a problem while it parses the event
 * that reveals it, so problems are parked and attached once {@link #next()} knows the event.
 */
final class TrackingReader extends StreamReader2Delegate {
    /** Text kept per element to quote a bad value; longer text is cut in messages anyway. */
    private static final int MAX_TEXT = 200;

    private final ProblemTranslator translator;
    private final List<XMLValidationProblem> pending = new ArrayList<>();
    private final List<Finding> findings = new ArrayList<>();
    private final StringBuilder text = new StringBuilder();
    private ElementNode current = ElementNode.document();
    /** Set by a not-well-formed error: the document cannot be read further. */
    private boolean broken;

    TrackingReader(XMLStreamReader2 reader, ProblemTranslator translator) {
        super(reader);
        this.translator = translator;
        reader.setValidationProblemHandler(pending::add);
    }

    @Override
    public int next() throws XMLStreamException {
        int event;
        try {
            event = super.next();
        } catch (XMLStreamException e) {
            broken = true;
            findings.add(NotWellFormed.finding(e, current));
            throw e;
        }
        switch (event) {
            case XMLStreamConstants.START_ELEMENT -> {
                Location at = getLocation();
                current = current.openChild(getLocalName(), at.getLineNumber(), at.getColumnNumber());
                keepAttributes();
                text.setLength(0);
                attachPending(true);
            }
            case XMLStreamConstants.END_ELEMENT -> {
                attachPending(false);
                current = current.parent();
                text.setLength(0);
            }
            case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                // only a leaf's text can be a bad value; indentation between elements is not kept
                if (text.length() < MAX_TEXT && !current.hasChildren() && !isWhiteSpace()) {
                    text.append(getTextCharacters(), getTextStart(), Math.min(getTextLength(), MAX_TEXT));
                }
                if (!pending.isEmpty() && text.isEmpty()) text.append(getText(), 0, Math.min(getTextLength(), MAX_TEXT));
                attachPending(false);
            }
            default -> attachPending(false);
        }
        return event;
    }

    /** JAXB and others may call these; route them through {@link #next()} so nothing is missed. */
    @Override
    public int nextTag() throws XMLStreamException {
        int event = next();
        while (event == XMLStreamConstants.SPACE || event == XMLStreamConstants.COMMENT
                || event == XMLStreamConstants.PROCESSING_INSTRUCTION
                || (event == XMLStreamConstants.CHARACTERS && isWhiteSpace())) {
            event = next();
        }
        if (event != XMLStreamConstants.START_ELEMENT && event != XMLStreamConstants.END_ELEMENT) {
            throw new XMLStreamException("expected a start or end tag", getLocation());
        }
        return event;
    }

    @Override
    public String getElementText() throws XMLStreamException {
        StringBuilder b = new StringBuilder();
        int event = next();
        while (event != XMLStreamConstants.END_ELEMENT) {
            if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA
                    || event == XMLStreamConstants.SPACE || event == XMLStreamConstants.ENTITY_REFERENCE) {
                b.append(getText());
            } else if (event == XMLStreamConstants.START_ELEMENT) {
                throw new XMLStreamException("element text expected, found a child element", getLocation());
            }
            event = next();
        }
        return b.toString();
    }

    @Override
    public void skipElement() throws XMLStreamException {
        int depth = 1;
        while (depth > 0) {
            int event = next();
            if (event == XMLStreamConstants.START_ELEMENT) depth++;
            else if (event == XMLStreamConstants.END_ELEMENT) depth--;
        }
    }

    /**
     * Keeps the start tag's attributes that later messages need: all of them when this tag
     * already has problems (to quote bad values), else only those that select the element's form.
     */
    private void keepAttributes() {
        int count = getAttributeCount();
        if (count == 0) return;
        if (pending.isEmpty()) {
            Set<String> selectors = translator.selectors(current.name());
            if (selectors.isEmpty()) return;
            String[] kept = new String[selectors.size() * 2];
            int n = 0;
            for (String name : selectors) {
                String value = getAttributeValue(null, name);
                if (value != null) {
                    kept[n++] = name;
                    kept[n++] = value;
                }
            }
            current.attributes(java.util.Arrays.copyOf(kept, n));
        } else {
            String[] all = new String[count * 2];
            for (int i = 0; i < count; i++) {
                all[2 * i] = getAttributeLocalName(i);
                all[2 * i + 1] = getAttributeValue(i);
            }
            current.attributes(all);
        }
    }

    private void attachPending(boolean atStartTag) {
        if (pending.isEmpty()) return;
        for (XMLValidationProblem problem : pending) {
            MsvMessages.Parsed parsed = MsvMessages.parse(problem.getMessage());
            ElementNode subject = ProblemTranslator.subjectOf(parsed, current, atStartTag);
            Location at = problem.getLocation();
            int line = at == null ? current.line() : at.getLineNumber();
            int column = at == null ? current.column() : at.getColumnNumber();
            String subjectText = subject == current ? text.toString() : "";
            findings.addAll(translator.translate(parsed, line, column, subject, subjectText));
        }
        pending.clear();
    }

    /** Reads to the end of the document so that every problem is known (no-op once there). */
    void drain() {
        try {
            while (!broken && getEventType() != XMLStreamConstants.END_DOCUMENT && hasNext()) next();
        } catch (XMLStreamException e) {
            // already recorded by next()
        }
    }

    List<Finding> findings() {
        return findings;
    }
}
