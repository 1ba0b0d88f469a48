package dev.vireo.conf;

import jakarta.xml.bind.JAXBElement;
import jakarta.xml.bind.annotation.XmlAttribute;
import java.lang.reflect.Field;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLStreamReader;

/**
 * Catches attributes that the schema accepted but the model has no field for. JAXB drops such an
 * attribute without a word, so a definition would silently lose it on the way through the daemon;
 * refusing it instead says plainly that Vireo does not keep it.
 */
final class UnboundAttributes {
    private static final ConcurrentHashMap<Class<?>, Set<String>> BOUND = new ConcurrentHashMap<>();

    private UnboundAttributes() {
    }

    /** Adds a problem for each attribute of the current start tag that {@code target}'s class does not bind. */
    static void check(Object target, ElementPathReader reader, List<XmlProblem> problems) {
        if (reader.getEventType() != XMLStreamReader.START_ELEMENT) return;
        // an element of mixed content arrives wrapped; its attributes are those of the declared type
        Class<?> type = target instanceof JAXBElement<?> e ? e.getDeclaredType() : target.getClass();
        Set<String> bound = BOUND.computeIfAbsent(type, UnboundAttributes::attributesOf);
        for (int i = 0; i < reader.getAttributeCount(); i++) {
            String ns = reader.getAttributeNamespace(i);
            if (ns != null && !ns.isEmpty() && !XMLConstants.NULL_NS_URI.equals(ns)) continue;
            String name = reader.getAttributeLocalName(i);
            if (bound.contains(name)) continue;
            var at = reader.getLocation();
            problems.add(new XmlProblem(at.getLineNumber(), at.getColumnNumber(), reader.path(),
                    "attribute '" + name + "' of <" + reader.getLocalName() + "> is not supported by Vireo and would be lost; allowed: "
                            + String.join(", ", bound.stream().sorted().toList())));
        }
    }

    private static Set<String> attributesOf(Class<?> type) {
        Set<String> names = new HashSet<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                XmlAttribute a = f.getAnnotation(XmlAttribute.class);
                if (a != null) names.add("##default".equals(a.name()) ? f.getName() : a.name());
            }
        }
        return Set.copyOf(names);
    }
}
