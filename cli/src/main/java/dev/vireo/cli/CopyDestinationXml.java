package dev.vireo.cli;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Set;

/**
 * {@code blockcopy --xml FILE}: the copy's destination as virsh takes it, a {@code <disk>} element
 * of which only the destination matters: {@code type} ({@code file}, the default, or
 * {@code block}), {@code <source file=...>} or {@code <source dev=...>}, and an optional
 * {@code <driver type=...>} (the format). Anything else in it ({@code <target>}, ...) is ignored,
 * as libvirt ignores it; a destination vireo cannot copy to (network, volume, ...) is refused.
 */
final class CopyDestinationXml {
    private static final Set<String> OTHER_TYPES = Set.of("network", "dir", "volume", "nvme", "vhostuser");
    /** A destination description is a few lines; a bigger file is not one. */
    private static final long MAX_BYTES = 64 * 1024;

    private CopyDestinationXml() {
    }

    static BlockCopyCommands.Destination read(Path file) throws UsageException, IOException {
        String where = "--xml " + file;
        byte[] bytes;
        try {
            if (Files.size(file) > MAX_BYTES) throw new UsageException(where + ": larger than " + MAX_BYTES + " bytes; not a <disk>");
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new UsageException(where + ": no such file");
        }
        Document doc;
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setExpandEntityReferences(false);
            doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(bytes));
        } catch (SAXException e) {
            throw new UsageException(where + ": not well-formed XML: " + e.getMessage());
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
        Element disk = doc.getDocumentElement();
        if (!disk.getTagName().equals("disk")) {
            throw new UsageException(where + ": the destination must be a <disk> element, not <" + disk.getTagName() + ">");
        }
        String type = disk.hasAttribute("type") ? disk.getAttribute("type") : "file";
        if (OTHER_TYPES.contains(type)) {
            throw new UsageException(where + ": a <disk type='" + type + "'> destination is not supported; use type 'file' or 'block'");
        }
        if (!type.equals("file") && !type.equals("block")) {
            throw new UsageException(where + ": unknown disk type '" + type + "' (file or block)");
        }
        Element source = child(disk, "source");
        String attribute = type.equals("block") ? "dev" : "file";
        if (source == null || source.getAttribute(attribute).isEmpty()) {
            throw new UsageException(where + ": a <disk type='" + type + "'> needs <source " + attribute + "='...'/>");
        }
        Element driver = child(disk, "driver");
        String format = driver == null || driver.getAttribute("type").isEmpty() ? null : driver.getAttribute("type");
        return new BlockCopyCommands.Destination(source.getAttribute(attribute), format, type.equals("block"));
    }

    private static Element child(Element parent, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) return e;
        }
        return null;
    }
}
