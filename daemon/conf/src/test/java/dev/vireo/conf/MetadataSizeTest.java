package dev.vireo.conf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * A domain's printed size stays proportional to its input, however deep an application's
 * {@code <metadata>} nests (issue 8: a 12 MB define was stored as 1.17 GB and the daemon then
 * took 29 s and 3 GB to start).
 */
class MetadataSizeTest {

    @Test
    void deepMetadataIsIndentedAtMostSixtySpacesAsLibxml2Does() throws Exception {
        String metadata = nested(40);
        String out = DomainXml.format(DomainXml.parse(Domains.withDevices("<metadata>" + metadata + "</metadata>", "")));
        // virsh dumpxml of the same 40-deep element (libvirt 9.0): 60 spaces from depth 30 on
        int deepest = out.lines().mapToInt(MetadataSizeTest::indentOf).max().orElseThrow();
        assertEquals(60, deepest, out);
        assertTrue(out.contains("\n" + " ".repeat(60) + "<my:n39/>\n"), out);
    }

    @Test
    void printedSizeGrowsLinearlyWithDepth() throws Exception {
        String metadata = nested(190);
        String in = Domains.withDevices("<metadata>" + metadata + "</metadata>", "");
        String out = DomainXml.format(DomainXml.parse(in));
        // each element becomes at most two lines of 60 spaces + its tags: bounded per element,
        // where 2 spaces per level made it quadratic (77 kB from 3.7 kB here, at 190 levels)
        assertTrue(out.length() < 10L * in.length(), "printed " + out.length() + " chars from " + in.length());
    }

    private static String nested(int depth) {
        StringBuilder b = new StringBuilder("<my:n0 xmlns:my=\"http://example.org/my\">");
        for (int i = 1; i < depth; i++) b.append("<my:n").append(i).append('>');
        for (int i = depth - 1; i > 0; i--) b.append("</my:n").append(i).append('>');
        return b.append("</my:n0>").toString();
    }

    private static int indentOf(String line) {
        int i = 0;
        while (i < line.length() && line.charAt(i) == ' ') i++;
        return i;
    }
}
