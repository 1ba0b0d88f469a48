package dev.vireo.caps;

import dev.vireo.conf.XmlProblem;
import dev.vireo.conf.XmlProblemsException;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Formats and parses the {@code <qemuCaps>} document (ARCHITECTURE.md, section 3):
 * <pre>{@code
 * <qemuCaps>
 *   <emulator>/usr/bin/qemu-system-x86_64</emulator>
 *   <version>7002000</version>
 *   <kvmVersion>0</kvmVersion>
 *   <kvm>no</kvm>
 *   <flag name='drive'/>
 * </qemuCaps>
 * }</pre>
 *
 * <p>{@code <kvm>} is Vireo's own addition (so a cached probe keeps it); documents written by
 * others may leave it out, and {@code <version>}/{@code <kvmVersion>} too (they then read as 0).
 * The {@code <qemuCaps>} element may be the root or nested in a wrapper such as
 * {@code <domainCapabilities>}.
 *
 * <p><b>Unknown flag names are ignored with a warning, not refused.</b> Such documents come from
 * newer libvirt-style tools that know capabilities Vireo does not; a flag Vireo does not know can
 * never change the command line Vireo builds, so refusing would only break interchange. Every
 * ignored name is returned in {@link Parsed#ignoredFlags()} (with its line) and logged, so a typo
 * does not pass silently. Everything else that is wrong (no {@code <emulator>}, a version that is
 * not a number, a flag without a name, not XML at all) refuses the document.
 */
public final class QemuCapsXml {

    private static final System.Logger LOG = System.getLogger(QemuCapsXml.class.getName());
    private static final XMLInputFactory INPUT = secureInputFactory();

    /** A parsed document plus the flag names it had that Vireo does not know (one problem each). */
    public record Parsed(QemuCaps caps, List<XmlProblem> ignoredFlags) {
        public Parsed {
            ignoredFlags = List.copyOf(ignoredFlags);
        }
    }

    private QemuCapsXml() {
    }

    public static String format(QemuCaps caps) {
        StringBuilder b = new StringBuilder(64 + caps.flags().size() * 32);
        b.append("<qemuCaps>\n");
        b.append("  <emulator>").append(escape(caps.emulator())).append("</emulator>\n");
        b.append("  <version>").append(caps.version()).append("</version>\n");
        b.append("  <kvmVersion>").append(caps.kvmVersion()).append("</kvmVersion>\n");
        b.append("  <kvm>").append(caps.kvm() ? "yes" : "no").append("</kvm>\n");
        for (Capability flag : caps.flags()) {
            b.append("  <flag name='").append(escape(flag.flagName())).append("'/>\n");
        }
        return b.append("</qemuCaps>\n").toString();
    }

    /** Reads a document from a file; ignored flag names are logged as warnings. */
    public static QemuCaps read(Path file) throws IOException, XmlProblemsException {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return logged(parse(in, file.toString()));
        }
    }

    /** Parses document text; ignored flag names are logged as warnings. */
    public static QemuCaps parse(String xml, String source) throws XmlProblemsException {
        try {
            return logged(parse(new StringReader(xml), source));
        } catch (IOException e) {
            throw new IllegalStateException("reading a string cannot fail", e);
        }
    }

    /**
     * Parses a document.
     *
     * @param source names the document in messages (a file name), may be empty
     */
    public static Parsed parse(Reader in, String source) throws IOException, XmlProblemsException {
        try {
            XMLStreamReader r = INPUT.createXMLStreamReader(in);
            try {
                return new DocumentReader(r, source).read();
            } finally {
                r.close();
            }
        } catch (XMLStreamException e) {
            if (e.getCause() instanceof IOException io) throw io;
            Location at = e.getLocation();
            throw new XmlProblemsException(new XmlProblem(at == null ? 0 : at.getLineNumber(),
                    at == null ? 0 : at.getColumnNumber(), "", where(source) + "not well-formed XML: "
                    + stripLocation(e.getMessage())));
        }
    }

    private static QemuCaps logged(Parsed parsed) {
        for (XmlProblem p : parsed.ignoredFlags()) LOG.log(System.Logger.Level.WARNING, p.toString());
        return parsed.caps();
    }

    /** Walks one document; keeps the state of the single {@code <qemuCaps>} element it reads. */
    private static final class DocumentReader {
        private final XMLStreamReader r;
        private final String source;
        private final List<XmlProblem> problems = new ArrayList<>();
        private final List<XmlProblem> ignored = new ArrayList<>();
        private final EnumSet<Capability> flags = EnumSet.noneOf(Capability.class);
        private String emulator;
        private int version;
        private int kvmVersion;
        private boolean kvm;

        DocumentReader(XMLStreamReader r, String source) {
            this.r = r;
            this.source = source;
        }

        Parsed read() throws XMLStreamException, XmlProblemsException {
            if (!skipTo("qemuCaps")) {
                throw new XmlProblemsException(new XmlProblem(0, 0, "", where(source)
                        + "no <qemuCaps> element; expected a document such as "
                        + "<qemuCaps><emulator>/usr/bin/qemu</emulator><flag name='drive'/></qemuCaps>"));
            }
            int qemuCapsLine = r.getLocation().getLineNumber();
            readChildren();
            if (emulator == null) {
                problems.add(new XmlProblem(qemuCapsLine, 0, "/qemuCaps",
                        where(source) + "missing required element <emulator> (the emulator binary's path)"));
            }
            if (!problems.isEmpty()) throw new XmlProblemsException(problems);
            return new Parsed(new QemuCaps(emulator, version, kvmVersion, kvm, flags), ignored);
        }

        private boolean skipTo(String element) throws XMLStreamException {
            while (r.hasNext()) {
                if (r.next() == XMLStreamConstants.START_ELEMENT && r.getLocalName().equals(element)) return true;
            }
            return false;
        }

        private void readChildren() throws XMLStreamException {
            while (r.hasNext()) {
                int event = r.next();
                if (event == XMLStreamConstants.END_ELEMENT) return;
                if (event != XMLStreamConstants.START_ELEMENT) continue;
                int line = r.getLocation().getLineNumber();
                int column = r.getLocation().getColumnNumber();
                String name = r.getLocalName();
                switch (name) {
                    case "emulator" -> emulator = text(line, column, "emulator");
                    case "version" -> version = number(line, column, "version");
                    case "kvmVersion" -> kvmVersion = number(line, column, "kvmVersion");
                    case "kvm" -> kvm = yesNo(line, column);
                    case "flag" -> flag(line, column);
                    default -> problems.add(new XmlProblem(line, column, "/qemuCaps/" + name, where(source)
                            + "unexpected element <" + name + ">; allowed: emulator, version, kvmVersion, kvm, flag"));
                }
                skipRestOfElement();
            }
        }

        private void flag(int line, int column) {
            String name = r.getAttributeValue(null, "name");
            if (name == null || name.isBlank()) {
                problems.add(new XmlProblem(line, column, "/qemuCaps/flag", where(source)
                        + "<flag> needs a name attribute, e.g. <flag name='drive'/>"));
                return;
            }
            Capability.byName(name).ifPresentOrElse(flags::add, () -> ignored.add(new XmlProblem(line, column,
                    "/qemuCaps/flag/@name", where(source) + "unknown capability flag '" + name
                    + "' ignored: not one of the libvirt capability names Vireo knows")));
        }

        private String text(int line, int column, String element) throws XMLStreamException {
            String value = r.getElementText().strip();
            if (value.isEmpty()) {
                problems.add(new XmlProblem(line, column, "/qemuCaps/" + element,
                        where(source) + "<" + element + "> is empty"));
            }
            return value;
        }

        private int number(int line, int column, String element) throws XMLStreamException {
            String value = r.getElementText().strip();
            try {
                int n = Integer.parseInt(value);
                if (n >= 0) return n;
            } catch (NumberFormatException ignoredBecauseReportedBelow) {
                // fall through to the problem below
            }
            problems.add(new XmlProblem(line, column, "/qemuCaps/" + element, where(source) + "<" + element
                    + "> must be a non-negative whole number (major*1000000+minor*1000+micro), not '" + value + "'"));
            return 0;
        }

        private boolean yesNo(int line, int column) throws XMLStreamException {
            String value = r.getElementText().strip();
            return switch (value) {
                case "yes" -> true;
                case "no" -> false;
                default -> {
                    problems.add(new XmlProblem(line, column, "/qemuCaps/kvm",
                            where(source) + "<kvm> must be 'yes' or 'no', not '" + value + "'"));
                    yield false;
                }
            };
        }

        /** After getElementText() the reader already sits on the end tag; otherwise skip the subtree. */
        private void skipRestOfElement() throws XMLStreamException {
            if (r.getEventType() == XMLStreamConstants.END_ELEMENT) return;
            int depth = 1;
            while (depth > 0 && r.hasNext()) {
                int event = r.next();
                if (event == XMLStreamConstants.START_ELEMENT) depth++;
                else if (event == XMLStreamConstants.END_ELEMENT) depth--;
            }
        }
    }

    private static String where(String source) {
        return source == null || source.isEmpty() ? "" : source + ": ";
    }

    /** The JDK's StAX messages start with "ParseError at [row,col]:[3,5]\nMessage: ..."; we report the place ourselves. */
    private static String stripLocation(String message) {
        int i = message.indexOf("Message: ");
        return i >= 0 ? message.substring(i + "Message: ".length()) : message;
    }

    private static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '\'' -> b.append("&apos;");
                case '"' -> b.append("&quot;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /** No DTDs, no external entities: a caps document is plain data. */
    private static XMLInputFactory secureInputFactory() {
        XMLInputFactory f = XMLInputFactory.newDefaultFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        return f;
    }
}
