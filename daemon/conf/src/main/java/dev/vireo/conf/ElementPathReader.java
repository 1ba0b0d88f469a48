package dev.vireo.conf;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.util.StreamReaderDelegate;

/**
 * Passes a reader through unchanged while remembering the path of the element being read, such as
 * {@code /domain/devices/disk[2]/driver}, so that a binding problem can say where it happened. A
 * position {@code [n]} is added when an element has earlier siblings of the same name.
 */
final class ElementPathReader extends StreamReaderDelegate {
    private final Deque<Frame> open = new ArrayDeque<>();

    private static final class Frame {
        final String step;
        final Map<String, Integer> childCounts = new HashMap<>();

        Frame(String step) {
            this.step = step;
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
            Frame parent = open.peek();
            int n = parent == null ? 1 : parent.childCounts.merge(name, 1, Integer::sum);
            open.push(new Frame(n > 1 ? name + "[" + n + "]" : name));
        } else if (event == END_ELEMENT) {
            open.poll();
        }
    }

    private String qualifiedName() {
        String prefix = getPrefix();
        return prefix == null || prefix.isEmpty() ? getLocalName() : prefix + ":" + getLocalName();
    }

    /** The path of the innermost open element, or {@code /} before the root. */
    String path() {
        if (open.isEmpty()) return "/";
        StringBuilder b = new StringBuilder();
        open.descendingIterator().forEachRemaining(f -> b.append('/').append(f.step));
        return b.toString();
    }
}
