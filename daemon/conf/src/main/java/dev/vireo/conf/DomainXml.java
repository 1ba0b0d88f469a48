package dev.vireo.conf;

import dev.vireo.conf.model.Domain;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Domain XML in and out. {@link #parse} validates, binds, applies libvirt's post-parse defaults and
 * runs the semantic checks; {@link #format} prints what {@code virsh dumpxml} would.
 */
public final class DomainXml {

    private DomainXml() {
    }

    /** Reads a definition as {@code virsh define} does: runtime-only state in the document is ignored. */
    public static Domain parse(String xml) throws XmlProblemsException {
        return parse(xml, FormatMode.INACTIVE);
    }

    /**
     * Reads a domain document; {@link FormatMode#LIVE} keeps the runtime state (id, aliases...) a
     * running domain's saved XML holds.
     */
    public static Domain parse(String xml, FormatMode mode) throws XmlProblemsException {
        List<XmlProblem> problems = new ArrayList<>();
        Domain domain;
        try {
            XMLStreamReader reader = SafeXmlInput.open(xml);
            domain = DomainBinder.unmarshal(reader, mode == FormatMode.LIVE, problems);
        } catch (XMLStreamException e) {
            throw new XmlProblemsException(notWellFormed(e));
        }
        if (!problems.isEmpty() || domain == null) throw new XmlProblemsException(problems);
        return domain;
    }

    /** The inactive XML, as {@code virsh dumpxml --inactive}. */
    public static String format(Domain d) {
        return format(d, FormatMode.INACTIVE);
    }

    public static String format(Domain d, FormatMode mode) {
        return DomainBinder.marshal(d, mode == FormatMode.LIVE);
    }

    private static XmlProblem notWellFormed(XMLStreamException e) {
        var where = e.getLocation();
        String message = e.getMessage();
        int at = message == null ? -1 : message.indexOf("\n");
        if (at >= 0 && message.startsWith("ParseError")) message = message.substring(at + 1);
        return new XmlProblem(where == null ? 0 : where.getLineNumber(), where == null ? 0 : where.getColumnNumber(),
                "/", "not well-formed XML: " + message);
    }
}
