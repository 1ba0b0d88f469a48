package dev.vireo.conf.validate;

import javax.xml.stream.Location;
import javax.xml.stream.XMLStreamException;

/** Findings for documents that are not XML at all (Woodstox parse errors), located and worded. */
final class NotWellFormed {
    private NotWellFormed() {
    }

    static Finding finding(XMLStreamException e, ElementNode current) {
        Location at = e.getLocation();
        int line = at == null ? 0 : at.getLineNumber();
        int column = at == null ? 0 : at.getColumnNumber();
        return Finding.of(line, column, current, "not well-formed XML: ", reason(e));
    }

    /** Woodstox appends "\n at [row,col ...]" to its messages; the location is reported apart. */
    static String reason(XMLStreamException e) {
        String m = e.getMessage() == null ? e.toString() : e.getMessage();
        if (m.startsWith("ParseError at [")) {
            int msg = m.indexOf("Message: ");
            if (msg >= 0) m = m.substring(msg + "Message: ".length());
        }
        int at = m.indexOf("\n at [");
        if (at >= 0) m = m.substring(0, at);
        return m.strip();
    }
}
