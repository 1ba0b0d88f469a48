package dev.vireo.conf;

import java.util.ArrayDeque;
import java.util.Deque;
import javax.xml.namespace.NamespaceContext;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes XML the way libvirt prints it, so that {@code dumpxml} output looks familiar and diffs
 * cleanly against virsh's: two-space indentation, single-quoted attributes, {@code <empty/>} elements,
 * text kept on the element's line, and libvirt's escaping of {@code < > & ' "}. Namespace declarations
 * are written only for namespaces the document actually uses.
 */
final class LibvirtStyleWriter implements XMLStreamWriter {
    private final StringBuilder out;
    private final boolean declareQemuNamespace;
    private final Deque<Level> open = new ArrayDeque<>();
    private boolean startTagOpen;
    /**
     * Whitespace-only text seen inside foreign content and not yet written: libvirt parses with
     * libxml2's blank removal, so indentation between elements is dropped and then re-made, while
     * blanks that are an element's whole content stay.
     */
    private String pendingBlank;

    private static final class Level {
        final String name;
        /** Inside an application's {@code <metadata>} child, which libvirt prints through libxml2. */
        final boolean foreign;
        boolean hasChildren;
        boolean hasText;

        Level(String name, boolean foreign) {
            this.name = name;
            this.foreign = foreign;
        }
    }

    /**
     * @param declareQemuNamespace whether the document uses {@code qemu:} elements; JAXB declares every
     *                             namespace it knows on the root, libvirt only the ones in use
     */
    LibvirtStyleWriter(StringBuilder out, boolean declareQemuNamespace) {
        this.out = out;
        this.declareQemuNamespace = declareQemuNamespace;
    }

    @Override
    public void writeStartElement(String prefix, String localName, String namespaceURI) {
        pendingBlank = null;
        closeStartTag();
        Level parent = open.peek();
        if (parent != null) {
            parent.hasChildren = true;
            newLine(parent.foreign);
        }
        String name = prefix == null || prefix.isEmpty() ? localName : prefix + ":" + localName;
        boolean foreign = parent != null && (parent.foreign || open.size() == 2 && "metadata".equals(parent.name));
        open.push(new Level(name, foreign));
        out.append('<').append(name);
        startTagOpen = true;
    }

    @Override
    public void writeStartElement(String localName) {
        writeStartElement(null, localName, null);
    }

    @Override
    public void writeStartElement(String namespaceURI, String localName) {
        writeStartElement(null, localName, namespaceURI);
    }

    @Override
    public void writeEmptyElement(String prefix, String localName, String namespaceURI) {
        writeStartElement(prefix, localName, namespaceURI);
        writeEndElement();
    }

    @Override
    public void writeEmptyElement(String namespaceURI, String localName) {
        writeEmptyElement(null, localName, namespaceURI);
    }

    @Override
    public void writeEmptyElement(String localName) {
        writeEmptyElement(null, localName, null);
    }

    @Override
    public void writeAttribute(String prefix, String namespaceURI, String localName, String value) {
        out.append(' ');
        if (prefix != null && !prefix.isEmpty()) out.append(prefix).append(':');
        if (open.peek() != null && open.peek().foreign) {
            // libxml2's serializer: double quotes, and only what must be escaped inside them
            out.append(localName).append("=\"");
            escapeForeign(value, true);
            out.append('"');
            return;
        }
        out.append(localName).append("='");
        escape(value);
        out.append('\'');
    }

    @Override
    public void writeAttribute(String namespaceURI, String localName, String value) {
        writeAttribute(null, namespaceURI, localName, value);
    }

    @Override
    public void writeAttribute(String localName, String value) {
        writeAttribute(null, null, localName, value);
    }

    @Override
    public void writeNamespace(String prefix, String namespaceURI) {
        if (prefix == null || prefix.isEmpty() || "xmlns".equals(prefix)) return;
        if (!declareQemuNamespace && dev.vireo.conf.model.QemuNamespace.URI.equals(namespaceURI)) return;
        writeAttribute("xmlns", null, prefix, namespaceURI);
    }

    @Override
    public void writeDefaultNamespace(String namespaceURI) {
        // the domain itself has none, but an application's <metadata> element may
        if (namespaceURI != null && !namespaceURI.isEmpty()) writeAttribute(null, null, "xmlns", namespaceURI);
    }

    @Override
    public void writeCharacters(String text) {
        if (text.isEmpty()) return;
        Level level = open.peek();
        if (level != null && level.foreign && text.isBlank() && !level.hasText) {
            pendingBlank = pendingBlank == null ? text : pendingBlank + text;
            return;
        }
        writePendingBlank();
        closeStartTag();
        if (level != null) level.hasText = true;
        if (level != null && level.foreign) escapeForeign(text, false);
        else escape(text);
    }

    @Override
    public void writeCharacters(char[] text, int start, int len) {
        writeCharacters(new String(text, start, len));
    }

    @Override
    public void writeEndElement() {
        if (!open.peek().hasChildren) writePendingBlank();
        pendingBlank = null;
        Level level = open.pop();
        if (startTagOpen) {
            out.append("/>");
            startTagOpen = false;
            return;
        }
        if (level.hasChildren && !level.hasText) newLine(level.foreign);
        out.append("</").append(level.name).append('>');
    }

    @Override
    public void writeEndDocument() {
        while (!open.isEmpty()) writeEndElement();
        out.append('\n');
    }

    private void writePendingBlank() {
        if (pendingBlank == null) return;
        String blank = pendingBlank;
        pendingBlank = null;
        closeStartTag();
        open.peek().hasText = true;
        escapeForeign(blank, false);
    }

    private void closeStartTag() {
        if (startTagOpen) {
            out.append('>');
            startTagOpen = false;
        }
    }

    /**
     * libxml2 indents at most {@value #MAX_FOREIGN_INDENT} spaces, however deep the element (virsh
     * prints a 40-deep {@code <metadata>} child so): without the cap, a deeply nested document
     * grew quadratically when printed (a 12 MB define was stored as 1.17 GB).
     */
    private static final int MAX_FOREIGN_INDENT = 60;

    /** A new line indented for an element at the current depth; {@code foreign}: in metadata content. */
    private void newLine(boolean foreign) {
        out.append('\n');
        int spaces = 2 * open.size();
        out.repeat(' ', foreign ? Math.min(spaces, MAX_FOREIGN_INDENT) : spaces);
    }

    private void escape(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '\'' -> out.append("&apos;");
                case '"' -> out.append("&quot;");
                default -> out.append(c);
            }
        }
    }

    /** libxml2's escaping: {@code < > &} always, {@code "} and line breaks only in attribute values. */
    private void escapeForeign(String s, boolean attribute) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append(attribute ? "&quot;" : "\"");
                case '\n' -> out.append(attribute ? "&#10;" : "\n");
                case '\r' -> out.append("&#13;");
                case '\t' -> out.append(attribute ? "&#9;" : "\t");
                default -> out.append(c);
            }
        }
    }

    // The rest of XMLStreamWriter is not used by JAXB's marshaller for this model.

    @Override
    public void writeStartDocument() {
    }

    @Override
    public void writeStartDocument(String version) {
    }

    @Override
    public void writeStartDocument(String encoding, String version) {
    }

    @Override
    public void writeComment(String data) {
    }

    @Override
    public void writeProcessingInstruction(String target) {
    }

    @Override
    public void writeProcessingInstruction(String target, String data) {
    }

    @Override
    public void writeCData(String data) {
        writeCharacters(data);
    }

    @Override
    public void writeDTD(String dtd) {
    }

    @Override
    public void writeEntityRef(String name) {
    }

    @Override
    public String getPrefix(String uri) {
        return null;
    }

    @Override
    public void setPrefix(String prefix, String uri) {
    }

    @Override
    public void setDefaultNamespace(String uri) {
    }

    @Override
    public void setNamespaceContext(NamespaceContext context) {
    }

    @Override
    public NamespaceContext getNamespaceContext() {
        return null;
    }

    @Override
    public Object getProperty(String name) {
        throw new IllegalArgumentException(name);
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
}
