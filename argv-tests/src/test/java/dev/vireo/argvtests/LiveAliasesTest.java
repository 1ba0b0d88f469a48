package dev.vireo.argvtests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vireo.caps.QemuCaps;
import dev.vireo.command.LiveAliases;
import dev.vireo.conf.DomainXml;
import dev.vireo.conf.FormatMode;
import dev.vireo.conf.model.Domain;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;

/**
 * The {@code <alias name>} of every device in a running guest's live XML, controllers included, must
 * be the one libvirt 9.0 shows. Each {@code live-aliases/NAME.aliases} lists, in document order, the
 * devices with an alias in {@code virsh dumpxml} of the running guest (libvirt 9.0.0, QEMU 7.2, TCG):
 * {@code virsh -c qemu:///system define argv/qemu-7.2-lv9-NAME.xml; virsh start; virsh dumpxml},
 * one line per device: element, type, index, model, alias ({@code -} for what it lacks). Vireo's
 * live aliases are those the daemon writes at start ({@link LiveAliases#fill}) for the same file,
 * read with the probed binary's facts as the daemon reads a definition.
 */
class LiveAliasesTest {

    private static final Path REPO = Path.of(System.getProperty("vireo.repo", ".."));
    private static final Path EXPECTED = REPO.resolve("argv-tests/src/test/resources/live-aliases");
    private static final Path ARGV = REPO.resolve("argv-tests/src/test/resources/argv");

    @TestFactory
    Stream<DynamicTest> aliasesAreLibvirts() throws Exception {
        List<Path> cases;
        try (Stream<Path> files = Files.list(EXPECTED)) {
            cases = files.filter(p -> p.toString().endsWith(".aliases")).sorted().toList();
        }
        assertEquals(4, cases.size(), "the recorded live XMLs in " + EXPECTED);
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.getFileName().toString(), () -> check(c)));
    }

    private static void check(Path expected) throws Exception {
        String name = expected.getFileName().toString().replace(".aliases", "");
        QemuCaps caps = CapsFixture.read(ARGV.resolve("qemu-7.2-lv9-" + name + ".caps"));
        // read as the daemon reads it, with the probed binary's facts (libvirt 9's implicit inputs)
        Domain live = DomainXml.parse(Files.readString(ARGV.resolve("qemu-7.2-lv9-" + name + ".xml")), FormatMode.INACTIVE,
                d -> caps.machineTypes());
        LiveAliases.fill(live, caps, GoldenArgvTest.OPTIONS.withDomainId(1));
        // compared as sets of lines: where controllers sit among the devices is the formatter's business
        assertEquals(Files.readString(expected).strip().lines().sorted().toList(),
                aliases(DomainXml.format(live, FormatMode.LIVE)).stream().sorted().toList());
    }

    private static List<String> aliases(String xml) throws Exception {
        Element root = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new InputSource(new StringReader(xml))).getDocumentElement();
        Element devices = (Element) root.getElementsByTagName("devices").item(0);
        List<String> out = new ArrayList<>();
        for (Node n = devices.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (!(n instanceof Element device)) continue;
            for (Node c = device.getFirstChild(); c != null; c = c.getNextSibling()) {
                if (c instanceof Element alias && alias.getTagName().equals("alias")) {
                    out.add(String.join(" ", device.getTagName(), or(device, "type"), or(device, "index"), or(device, "model"),
                            alias.getAttribute("name")));
                }
            }
        }
        return out;
    }

    private static String or(Element e, String attribute) {
        return e.hasAttribute(attribute) ? e.getAttribute(attribute) : "-";
    }
}
