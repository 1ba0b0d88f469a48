package dev.vireo.conf.validate;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What the schema allows as one attribute's or element's value, for messages: the literal
 * choices in schema order and the described kinds ("a UUID ...", "a non-negative integer").
 */
final class ValueSpec {
    private final Set<String> values = new LinkedHashSet<>();
    private final Set<String> kinds = new LinkedHashSet<>();

    void addValue(String value) {
        values.add(value);
    }

    void addKind(String description) {
        kinds.add(description);
    }

    void merge(ValueSpec other) {
        values.addAll(other.values);
        kinds.addAll(other.kinds);
    }

    List<String> values() {
        return List.copyOf(values);
    }

    boolean isEmpty() {
        return values.isEmpty() && kinds.isEmpty();
    }

    /** {@code allowed: a, b, c}, {@code expected a UUID ...}, or both joined with "or". */
    String describe() {
        List<String> parts = new ArrayList<>();
        if (!values.isEmpty()) parts.add("allowed: " + String.join(", ", values));
        if (!kinds.isEmpty()) parts.add("expected " + String.join(" or ", kinds));
        return String.join("; or ", parts);
    }
}
