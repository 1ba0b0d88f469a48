package dev.vireo.daemon.snapshots;

import dev.vireo.conf.XmlProblemsException;
import dev.vireo.conf.validate.SchemaKind;
import dev.vireo.conf.validate.ValidatedRead;
import dev.vireo.daemon.Log;
import dev.vireo.daemon.errors.VireoError;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code <domainsnapshot>} document in and out, in libvirt 9's layout: what
 * {@code snapshot-create} reads, {@code snapshot-dumpxml} prints and the metadata file holds
 * (the file adds {@code <active>} on the current snapshot, as libvirt's does).
 */
public final class SnapshotXml {

    private SnapshotXml() {
    }

    /**
     * A document as a user or the metadata file wrote it: checked against {@code domainsnapshot.rng}
     * first, every problem named with its line.
     *
     * @param defaultName the name when the document has none
     * @param defaultTime the creation time when the document has none
     */
    public static Parsed parse(String xml, String defaultName, long defaultTime) throws VireoError {
        try (ValidatedRead read = ValidatedRead.open(xml, SchemaKind.DOMAIN_SNAPSHOT)) {
            if (!read.problems().isEmpty()) throw new XmlProblemsException(read.problems());
        } catch (XmlProblemsException e) {
            throw VireoError.invalidDefinition(e.getMessage());
        }
        Element root = dom(xml).getDocumentElement();
        String name = text(root, "name");
        String parentName = null;
        Element parent = child(root, "parent");
        if (parent != null) parentName = text(parent, "name");
        List<Snapshot.Disk> disks = new ArrayList<>();
        Element disksElement = child(root, "disks");
        boolean disksGiven = disksElement != null;
        if (disksElement != null) {
            for (Element d : children(disksElement, "disk")) disks.add(disk(d));
        }
        Element memory = child(root, "memory");
        String memorySnapshot = memory == null ? null : memory.getAttribute("snapshot");
        Element domain = child(root, "domain");
        String domainXml = domain == null || child(domain, "name") == null ? null : domainText(xml);
        String time = text(root, "creationTime");
        Snapshot snapshot = new Snapshot(name == null ? defaultName : name, text(root, "description"),
                text(root, "state"), time == null ? defaultTime : Long.parseLong(time), parentName, disks, domainXml);
        return new Parsed(snapshot, name != null, disksGiven, memorySnapshot == null || memorySnapshot.isEmpty() ? null : memorySnapshot,
                "1".equals(text(root, "active")));
    }

    /**
     * Compiles {@code domainsnapshot.rng} (it includes the whole domain grammar: about a second of
     * CPU) by reading a minimal document, so that the first snapshot-create of a daemon's life does
     * not pay for it. Call off the request path.
     */
    public static void warmUp() {
        long start = System.nanoTime();
        try {
            parse("<domainsnapshot/>", "warm-up", 0);
            Log.info("snapshot schema compiled in " + (System.nanoTime() - start) / 1_000_000 + " ms");
        } catch (VireoError | RuntimeException e) {
            Log.warn("cannot compile the snapshot schema ahead of use", e);
        }
    }

    /**
     * A parsed document and what it said explicitly.
     *
     * @param named      whether it named the snapshot (else the default name was taken)
     * @param disksGiven whether it had a {@code <disks>} element
     * @param memory     the {@code <memory snapshot>} value, or null
     * @param active     whether it says {@code <active>1</active>} (the current one, in the metadata file)
     */
    public record Parsed(Snapshot snapshot, boolean named, boolean disksGiven, String memory, boolean active) {
    }

    private static Snapshot.Disk disk(Element d) {
        String snapshot = d.getAttribute("snapshot");
        Element source = child(d, "source");
        Element driver = child(d, "driver");
        String type = d.getAttribute("type");
        if (snapshot.isEmpty()) snapshot = source != null || driver != null || !type.isEmpty() ? "external" : null;
        String path = null;
        if (source != null) {
            path = source.hasAttribute("file") ? source.getAttribute("file")
                    : source.hasAttribute("dev") ? source.getAttribute("dev") : null;
        }
        return new Snapshot.Disk(d.getAttribute("name"), snapshot, type.isEmpty() ? null : type,
                driver == null || driver.getAttribute("type").isEmpty() ? null : driver.getAttribute("type"), path);
    }

    /** What {@code snapshot-dumpxml} prints. */
    public static String format(Snapshot s) {
        return format(s, null);
    }

    /** The metadata file's content: the document plus whether it is the current snapshot. */
    public static String formatStored(Snapshot s, boolean current) {
        return format(s, current);
    }

    private static String format(Snapshot s, Boolean active) {
        StringBuilder out = new StringBuilder("<domainsnapshot>\n");
        out.append("  <name>").append(escape(s.name())).append("</name>\n");
        if (s.description() != null) out.append("  <description>").append(escape(s.description())).append("</description>\n");
        if (s.state() != null) out.append("  <state>").append(s.state()).append("</state>\n");
        if (s.parent() != null) {
            out.append("  <parent>\n    <name>").append(escape(s.parent())).append("</name>\n  </parent>\n");
        }
        out.append("  <creationTime>").append(s.creationTime()).append("</creationTime>\n");
        out.append("  <memory snapshot='no'/>\n");
        if (!s.disks().isEmpty()) {
            out.append("  <disks>\n");
            for (Snapshot.Disk d : s.disks()) {
                out.append("    <disk name='").append(attr(d.name())).append("' snapshot='").append(d.snapshot()).append('\'');
                if (!d.external()) {
                    out.append("/>\n");
                    continue;
                }
                String type = d.sourceType() == null ? "file" : d.sourceType();
                out.append(" type='").append(type).append("'>\n");
                if (d.format() != null) out.append("      <driver type='").append(attr(d.format())).append("'/>\n");
                if (d.source() != null) {
                    out.append("      <source ").append(type.equals("block") ? "dev" : "file").append("='")
                            .append(attr(d.source())).append("'/>\n");
                }
                out.append("    </disk>\n");
            }
            out.append("  </disks>\n");
        }
        if (s.domainXml() != null) out.append(s.domainXml().strip().indent(2));
        if (active != null) out.append("  <active>").append(active ? 1 : 0).append("</active>\n");
        return out.append("</domainsnapshot>\n").toString();
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String attr(String text) {
        return escape(text).replace("'", "&apos;").replace("\"", "&quot;");
    }

    private static Document dom(String xml) throws VireoError {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setExpandEntityReferences(false);
            return f.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
        } catch (Exception e) {
            throw VireoError.invalidDefinition("snapshot XML: " + e.getMessage());
        }
    }

    private static final java.util.regex.Pattern DOMAIN_START = java.util.regex.Pattern.compile("<domain[\\s>]");

    /**
     * The {@code <domain>} element exactly as the document writes it (the schema allows one, and
     * markup characters elsewhere are escaped), with the indentation it had inside the document
     * taken off, so that it prints the same wherever it is indented again.
     */
    private static String domainText(String xml) {
        java.util.regex.Matcher m = DOMAIN_START.matcher(xml);
        m.find();
        int end = xml.lastIndexOf("</domain>") + "</domain>".length();
        int lineStart = xml.lastIndexOf('\n', m.start()) + 1;
        int indent = m.start() - lineStart;
        StringBuilder b = new StringBuilder();
        List<String> lines = xml.substring(m.start(), end).lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int strip = i == 0 ? 0 : Math.min(indent, line.length() - line.stripLeading().length());
            b.append(line.substring(strip)).append('\n');
        }
        return b.toString();
    }

    private static Element child(Element parent, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) return e;
        }
        return null;
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) out.add(e);
        }
        return out;
    }

    private static String text(Element parent, String name) {
        Element e = child(parent, name);
        return e == null ? null : e.getTextContent();
    }
}
