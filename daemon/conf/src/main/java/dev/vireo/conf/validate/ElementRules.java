package dev.vireo.conf.validate;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * What the schema lets one element (in one parent) hold: its attributes and their values, its
 * child elements (and which of them are required), and its text. Merged over every definition of
 * the element under the same parent, so it is an upper bound used to explain refusals, never to
 * decide them (MSV decides).
 */
final class ElementRules {
    private final Map<String, ValueSpec> attributes = new LinkedHashMap<>();
    private final Set<String> children = new LinkedHashSet<>();
    private final Set<String> requiredChildren = new LinkedHashSet<>();
    private final ValueSpec text = new ValueSpec();
    /** Rules of each form picked by an attribute value, keyed {@code type=drive}. */
    private final Map<String, ElementRules> variants = new LinkedHashMap<>();

    ValueSpec attribute(String name) {
        return attributes.computeIfAbsent(name, n -> new ValueSpec());
    }

    Set<String> attributeNames() {
        return attributes.keySet();
    }

    ValueSpec attributeSpec(String name) {
        return attributes.get(name);
    }

    void addChild(String name, boolean required) {
        children.add(name);
        if (required) requiredChildren.add(name);
    }

    Set<String> children() {
        return children;
    }

    Set<String> requiredChildren() {
        return requiredChildren;
    }

    ValueSpec text() {
        return text;
    }

    ElementRules variant(String attribute, String value) {
        return variants.computeIfAbsent(attribute + "=" + value, k -> new ElementRules());
    }

    /**
     * The rules of the form this element's attributes select: the form's own attributes and
     * children plus those every form shares (e.g. {@code <address type='drive'>} takes
     * controller/bus/target/unit, not slot); all forms merged when none is selected.
     */
    ElementRules narrowedBy(UnaryOperator<String> attributeValues) {
        ElementRules chosen = null;
        Set<String> otherAttributes = new HashSet<>();
        Set<String> otherChildren = new HashSet<>();
        for (Map.Entry<String, ElementRules> v : variants.entrySet()) {
            int eq = v.getKey().indexOf('=');
            String actual = attributeValues.apply(v.getKey().substring(0, eq));
            if (chosen == null && v.getKey().substring(eq + 1).equals(actual)) {
                chosen = v.getValue();
            } else {
                otherAttributes.addAll(v.getValue().attributes.keySet());
                otherChildren.addAll(v.getValue().children);
            }
        }
        if (chosen == null) return this;
        ElementRules view = new ElementRules();
        chosen.attributes.forEach((name, spec) -> view.attribute(name).merge(spec));
        for (Map.Entry<String, ValueSpec> a : attributes.entrySet()) {
            if (!chosen.attributes.containsKey(a.getKey()) && !otherAttributes.contains(a.getKey())) {
                view.attribute(a.getKey()).merge(a.getValue());
            }
        }
        for (String child : children) {
            if (chosen.children.contains(child) || !otherChildren.contains(child)) view.children.add(child);
        }
        view.requiredChildren.addAll(requiredChildren);
        view.requiredChildren.addAll(chosen.requiredChildren);
        view.text.merge(chosen.text.isEmpty() ? text : chosen.text);
        return view;
    }

    void merge(ElementRules other) {
        other.attributes.forEach((name, spec) -> attribute(name).merge(spec));
        children.addAll(other.children);
        requiredChildren.addAll(other.requiredChildren);
        text.merge(other.text);
        other.variants.forEach((key, rules) -> variants.computeIfAbsent(key, k -> new ElementRules()).merge(rules));
    }
}
