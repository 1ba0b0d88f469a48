package dev.vireo.conf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ctc.wstx.stax.WstxInputFactory;
import dev.vireo.conf.model.DiskTarget;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLStreamReader;
import org.junit.jupiter.api.Test;

/** An attribute the model cannot hold is refused rather than silently dropped by JAXB. */
class UnboundAttributesTest {

    @Test
    void unknownAttributeIsReportedWithTheAllowedOnes() throws Exception {
        ElementPathReader r = reader("<disk><target dev='vda' colour='red'/></disk>");
        r.nextTag();
        List<XmlProblem> problems = new ArrayList<>();
        UnboundAttributes.check(new DiskTarget(), r, problems);
        assertEquals(1, problems.size(), problems.toString());
        XmlProblem p = problems.getFirst();
        assertEquals("/disk/target", p.path());
        assertTrue(p.message().contains("'colour'") && p.message().contains("allowed: bus, dev, tray"), p.message());
    }

    /** A path-tracking reader positioned on the document's root element. */
    private static ElementPathReader reader(String xml) throws Exception {
        XMLStreamReader raw = new WstxInputFactory().createXMLStreamReader(new StringReader(xml));
        raw.nextTag();
        return new ElementPathReader(raw);
    }

    @Test
    void boundAttributesPass() throws Exception {
        ElementPathReader r = reader("<target dev='vda' bus='virtio' tray='open'/>");
        List<XmlProblem> problems = new ArrayList<>();
        UnboundAttributes.check(new DiskTarget(), r, problems);
        assertTrue(problems.isEmpty(), problems.toString());
    }
}
