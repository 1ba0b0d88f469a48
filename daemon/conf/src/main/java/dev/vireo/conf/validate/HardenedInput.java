package dev.vireo.conf.validate;

import com.ctc.wstx.api.WstxInputProperties;
import java.io.StringReader;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import org.codehaus.stax2.XMLInputFactory2;
import org.codehaus.stax2.XMLStreamReader2;

/**
 * The one Woodstox input factory Vireo reads untrusted XML with: no DTD processing, no external
 * entities, no entity expansion, and anything that would load a resource fails instead. A
 * DOCTYPE is then refused outright by {@link ValidatedRead} before any content is read.
 */
final class HardenedInput {
    private static final XMLInputFactory2 FACTORY = create();

    private HardenedInput() {
    }

    private static XMLInputFactory2 create() {
        XMLInputFactory2 f = new com.ctc.wstx.stax.WstxInputFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, true);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        f.setProperty(XMLInputFactory.RESOLVER, (javax.xml.stream.XMLResolver) (publicId, systemId, base, ns) -> {
            throw new XMLStreamException("external resources are not loaded: " + systemId);
        });
        f.setProperty(WstxInputProperties.P_MAX_ENTITY_COUNT, 1L);
        f.setProperty(WstxInputProperties.P_MAX_ENTITY_DEPTH, 1);
        f.setProperty(WstxInputProperties.P_MAX_ELEMENT_DEPTH, 200);
        f.setProperty(WstxInputProperties.P_MAX_ATTRIBUTES_PER_ELEMENT, 100);
        return f;
    }

    static XMLStreamReader2 reader(String xml) throws XMLStreamException {
        return (XMLStreamReader2) FACTORY.createXMLStreamReader(new StringReader(xml));
    }
}
