package dev.vireo.conf.validate;

import javax.xml.stream.Location;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.XMLStreamException;

/** Findings for documents that are not XML at all (Woodstox parse errors), located and worded. */
final class NotWellFormed {
    private static final Pattern UNDECLARED_ENTITY = Pattern.compile("Undeclared general entity \"([^\"]+)\".*", Pattern.DOTALL);

    private NotWellFormed() {
    }

    static Finding finding(XMLStreamException e, ElementNode current) {
        Location at = e.getLocation();
        int line = at == null ? 0 : at.getLineNumber();
        int column = at == null ? 0 : at.getColumnNumber();
        Matcher entity = UNDECLARED_ENTITY.matcher(reason(e));
        if (entity.matches()) {
            return Finding.of(line, column, current, "not well-formed XML: undefined entity &", entity.group(1),
                    ";: only &amp; &lt; &gt; &quot; &apos; and character references such as &#38; are accepted");
        }
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
