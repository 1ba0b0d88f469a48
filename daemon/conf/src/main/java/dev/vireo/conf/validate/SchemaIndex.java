package dev.vireo.conf.validate;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * A reading of our own RelaxNG files that answers the questions MSV's messages leave open:
 * which attributes and children an element may have, which children are required, and what
 * kind of value an attribute or text must hold (from the {@code v:describe} annotations).
 *
 * <p>Rules are keyed by {@code parent/element} local names (e.g. {@code disk/source} differs
 * from {@code interface/source}), with a merged per-name fallback.
 */
final class SchemaIndex {
    static final String RNG_NS = "http://relaxng.org/ns/structure/1.0";
    static final String ANNOTATION_NS = "urn:vireo:schema-annotations";
    private static final String ROOT_PARENT = "";

    private final Map<String, Element> defines = new HashMap<>();
    private final Map<String, ElementRules> byContext = new HashMap<>();
    private final Map<String, ElementRules> byName = new HashMap<>();
    /** Refs being expanded on the current walk, to stop at recursive definitions. */
    private final Deque<String> expanding = new ArrayDeque<>();
    /** Per element name, the attributes whose value selects one of its forms ({@code type}, {@code mode}). */
    private final Map<String, Set<String>> selectors = new HashMap<>();
    /** Local names of the elements enclosing the pattern being walked, innermost first. */
    private final Deque<String> ownerNames = new ArrayDeque<>(List.of(ROOT_PARENT));

    private SchemaIndex() {
    }

    /** Reads the start file and every file it includes, all resources next to {@code startResource}. */
    static SchemaIndex load(String startResource) {
        SchemaIndex index = new SchemaIndex();
        String folder = startResource.substring(0, startResource.lastIndexOf('/') + 1);
        Element start = index.readGrammar(startResource, folder);
        if (start == null) throw new IllegalStateException("no <start> in " + startResource);
        index.walk(start, index.contextRules(ROOT_PARENT, "#document"), true);
        return index;
    }

    /**
     * Rules for {@code name} inside {@code parent}: those of the parent's form when one of its
     * attributes selects one ({@code disk[type=network]/source}), else of every form of the
     * parent merged, else of every definition of {@code name}.
     */
    ElementRules rules(String parent, UnaryOperator<String> parentAttributes, String name) {
        for (String attribute : selectors.getOrDefault(parent, Set.of())) {
            String value = parentAttributes.apply(attribute);
            if (value == null) continue;
            ElementRules r = byContext.get(variantName(parent, attribute, value) + "/" + name);
            if (r != null) return r;
        }
        ElementRules r = byContext.get(parent + "/" + name);
        return r != null ? r : byName.get(name);
    }

    /** Attributes whose value selects a form of element {@code name}; empty for most elements. */
    Set<String> selectors(String name) {
        return selectors.getOrDefault(name, Set.of());
    }

    private static String variantName(String element, String attribute, String value) {
        return element + "[" + attribute + "=" + value + "]";
    }

    private ElementRules contextRules(String parent, String name) {
        byName.computeIfAbsent(name, n -> new ElementRules());
        return byContext.computeIfAbsent(parent + "/" + name, k -> new ElementRules());
    }

    private Element readGrammar(String resource, String folder) {
        Element grammar = parse(resource).getDocumentElement();
        Element start = null;
        for (Element child : children(grammar)) {
            switch (child.getLocalName()) {
                case "define" -> defines.put(child.getAttribute("name"), child);
                case "start" -> start = child;
                case "include" -> readGrammar(folder + child.getAttribute("href"), folder);
                default -> { /* annotations and divs are not used by our schemas */ }
            }
        }
        return start;
    }

    private static Document parse(String resource) {
        try (InputStream in = SchemaIndex.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("schema resource missing: " + resource);
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            DocumentBuilder b = f.newDocumentBuilder();
            return b.parse(in);
        } catch (IOException | ParserConfigurationException | SAXException e) {
            throw new IllegalStateException("cannot read schema " + resource + ": " + e.getMessage(), e);
        }
    }

    /**
     * Records what {@code pattern} contributes to {@code owner}, an element's rules.
     *
     * @param required whether an element met here must occur (no optional/choice/zeroOrMore above it)
     */
    private void walk(Element pattern, ElementRules owner, boolean required) {
        String ownerName = ownerNames.peek();
        switch (pattern.getLocalName()) {
            case "element" -> {
                String name = patternName(pattern);
                if (name == null) return; // anyName: free content, nothing to explain
                owner.addChild(name, required);
                ElementRules rules = contextRules(ownerName, name);
                ownerNames.push(name);
                for (Element c : children(pattern)) if (!c.getLocalName().equals("name")) walk(c, rules, true);
                ownerNames.pop();
                byName.get(name).merge(rules);
            }
            case "attribute" -> {
                String name = patternName(pattern);
                if (name == null) return;
                ValueSpec spec = owner.attribute(name);
                for (Element c : children(pattern)) if (!c.getLocalName().equals("name")) collectValues(c, spec);
            }
            case "choice" -> {
                for (Element c : children(pattern)) {
                    walk(c, owner, false);
                    String[] selector = selector(c);
                    if (selector != null) walkVariant(c, owner.variant(selector[0], selector[1]), selector);
                }
            }
            case "optional", "zeroOrMore" -> {
                for (Element c : children(pattern)) walk(c, owner, false);
            }
            case "ref" -> {
                String ref = pattern.getAttribute("name");
                if (expanding.contains(ref + "@" + ownerName)) return;
                Element define = defines.get(ref);
                if (define == null) throw new IllegalStateException("undefined ref " + ref);
                if (!containsStructure(define)) { // a data type: it describes the text
                    collectValues(pattern, owner.text());
                    return;
                }
                expanding.push(ref + "@" + ownerName);
                for (Element c : children(define)) walk(c, owner, required);
                expanding.pop();
            }
            case "value", "data", "text" -> collectValues(pattern, owner.text());
            default -> { // group, interleave, oneOrMore, start, mixed, list: same requirement
                for (Element c : children(pattern)) walk(c, owner, required);
            }
        }
    }

    /**
     * Walks one form of the enclosing element a second time, into that form's own rules, with
     * its children keyed under the form ({@code disk[type=network]/source}) so that they too can
     * be explained per form. Requirements are those of the form.
     */
    private void walkVariant(Element branch, ElementRules variant, String[] selector) {
        String element = ownerNames.pop();
        selectors.computeIfAbsent(element, e -> new LinkedHashSet<>()).add(selector[0]);
        ownerNames.push(variantName(element, selector[0], selector[1]));
        walk(branch, variant, true);
        ownerNames.pop();
        ownerNames.push(element);
    }

    /**
     * For a branch of a choice that fixes an attribute to one value ({@code type='pci'}), that
     * attribute and value; null for other branches.
     */
    private static String[] selector(Element branch) {
        if (!branch.getLocalName().equals("group")) return null;
        List<Element> candidates = new ArrayList<>();
        for (Element c : children(branch)) {
            if (c.getLocalName().equals("optional")) candidates.addAll(children(c));
            else candidates.add(c);
        }
        for (Element c : candidates) {
            if (!c.getLocalName().equals("attribute") || !c.hasAttribute("name")) continue;
            List<Element> content = children(c);
            if (content.size() == 1 && content.getFirst().getLocalName().equals("value")) {
                return new String[] {c.getAttribute("name"), content.getFirst().getTextContent().trim()};
            }
        }
        return null;
    }

    /** Adds the literal values and described kinds that {@code pattern} allows to {@code spec}. */
    private void collectValues(Element pattern, ValueSpec spec) {
        switch (pattern.getLocalName()) {
            case "value" -> spec.addValue(pattern.getTextContent().trim());
            case "data" -> spec.addKind(DataTypes.describe(pattern.getAttribute("type")));
            case "text" -> spec.addKind("text");
            case "ref" -> {
                Element define = defines.get(pattern.getAttribute("name"));
                if (define.hasAttributeNS(ANNOTATION_NS, "describe")
                        && !onlyValues(define)) {
                    spec.addKind(define.getAttributeNS(ANNOTATION_NS, "describe"));
                } else {
                    for (Element c : children(define)) collectValues(c, spec);
                }
            }
            default -> {
                for (Element c : children(pattern)) collectValues(c, spec);
            }
        }
    }

    /** True when a define is a plain choice of literal values: list them rather than describe them. */
    private boolean onlyValues(Element define) {
        for (Element c : descendants(define)) {
            String n = c.getLocalName();
            if (!n.equals("choice") && !n.equals("value")) return false;
        }
        return true;
    }

    /** True when a define holds elements or attributes (a structure, not a data type). */
    private static boolean containsStructure(Element define) {
        for (Element c : descendants(define)) {
            String n = c.getLocalName();
            if (n.equals("element") || n.equals("attribute")) return true;
        }
        return false;
    }

    /** The {@code name} attribute or a {@code <name>} child; null for anyName/nsName classes. */
    private static String patternName(Element pattern) {
        if (pattern.hasAttribute("name")) return localPart(pattern.getAttribute("name"));
        for (Element c : children(pattern)) {
            if (c.getLocalName().equals("name")) return localPart(c.getTextContent().trim());
            if (c.getLocalName().equals("anyName") || c.getLocalName().equals("nsName")) return null;
        }
        return null;
    }

    private static String localPart(String qname) {
        return qname.substring(qname.indexOf(':') + 1);
    }

    private static List<Element> children(Element parent) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && RNG_NS.equals(e.getNamespaceURI())) out.add(e);
        }
        return out;
    }

    private static List<Element> descendants(Element parent) {
        List<Element> out = new ArrayList<>();
        for (Element c : children(parent)) {
            out.add(c);
            out.addAll(descendants(c));
        }
        return out;
    }
}
