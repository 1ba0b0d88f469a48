package dev.vireo.conf.validate;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

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

    void merge(ElementRules other) {
        other.attributes.forEach((name, spec) -> attribute(name).merge(spec));
        children.addAll(other.children);
        requiredChildren.addAll(other.requiredChildren);
        text.merge(other.text);
    }
}
