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
        XMLStreamReader r = new WstxInputFactory().createXMLStreamReader(new StringReader("<target dev='vda' colour='red'/>"));
        r.nextTag();
        List<XmlProblem> problems = new ArrayList<>();
        UnboundAttributes.check(new DiskTarget(), r, "/domain/devices/disk/target", problems);
        assertEquals(1, problems.size(), problems.toString());
        XmlProblem p = problems.getFirst();
        assertEquals("/domain/devices/disk/target", p.path());
        assertTrue(p.message().contains("'colour'") && p.message().contains("allowed: bus, dev, tray"), p.message());
    }

    @Test
    void boundAttributesPass() throws Exception {
        XMLStreamReader r = new WstxInputFactory().createXMLStreamReader(new StringReader("<target dev='vda' bus='virtio' tray='open'/>"));
        r.nextTag();
        List<XmlProblem> problems = new ArrayList<>();
        UnboundAttributes.check(new DiskTarget(), r, "/t", problems);
        assertTrue(problems.isEmpty(), problems.toString());
    }
}
