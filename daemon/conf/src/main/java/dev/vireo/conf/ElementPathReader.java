package dev.vireo.conf;

import java.util.HashMap;
import java.util.Map;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.util.StreamReaderDelegate;

/**
 * Passes a reader through unchanged while remembering which element is being read, so that a binding
 * problem can say where it happened as a path such as {@code /domain/devices/disk[2]/driver}. A
 * position {@code [n]} is added when an element has earlier siblings of the same name. Elements are
 * kept as a parent-linked chain, so remembering where an object came from costs one reference and the
 * path string is only built for a problem.
 */
final class ElementPathReader extends StreamReaderDelegate {
    private Element current;

    /** One open element; immutable once pushed except for its children's name counts. */
    static final class Element {
        private final Element parent;
        private final String step;
        private Map<String, Integer> childCounts;

        private Element(Element parent, String step) {
            this.parent = parent;
            this.step = step;
        }

        /** This element's path from the root. */
        String path() {
            return parent == null ? "/" + step : parent.path() + "/" + step;
        }
    }

    ElementPathReader(XMLStreamReader reader) {
        super(reader);
        // a reader handed over already positioned on the root element has not passed it through next()
        if (reader.getEventType() == START_ELEMENT) track(START_ELEMENT);
    }

    @Override
    public int next() throws XMLStreamException {
        int event = super.next();
        track(event);
        return event;
    }

    @Override
    public int nextTag() throws XMLStreamException {
        int event = super.nextTag();
        track(event);
        return event;
    }

    private void track(int event) {
        if (event == START_ELEMENT) {
            String name = qualifiedName();
            int n = 1;
            if (current != null) {
                if (current.childCounts == null) current.childCounts = new HashMap<>();
                n = current.childCounts.merge(name, 1, Integer::sum);
            }
            current = new Element(current, n > 1 ? name + "[" + n + "]" : name);
        } else if (event == END_ELEMENT && current != null) {
            current = current.parent;
        }
    }

    private String qualifiedName() {
        String prefix = getPrefix();
        return prefix == null || prefix.isEmpty() ? getLocalName() : prefix + ":" + getLocalName();
    }

    /** The innermost open element, or {@code null} before the root. */
    Element element() {
        return current;
    }

    /** The path of the innermost open element, or {@code /} before the root. */
    String path() {
        return current == null ? "/" : current.path();
    }
}
