package dev.vireo.conf.validate;

import java.util.HashMap;
import java.util.Map;

/**
 * One element of the document being read, kept only while it is open or while a problem refers
 * to it. Its path is rendered late, once the parent's children are all known, so that an index
 * such as {@code disk[2]} appears exactly when the parent holds more than one {@code <disk>}.
 */
final class ElementNode {
    private final ElementNode parent;
    private final String name;
    private final int position;
    private final int line;
    private final int column;
    private Map<String, Integer> childCounts;
    /** Attribute names and values of the start tag, alternating: they select the element's form. */
    private String[] attributes = NO_ATTRIBUTES;
    private static final String[] NO_ATTRIBUTES = {};
    /** Set once a problem said this element may not be here: problems inside it are noise. */
    private boolean refused;

    private ElementNode(ElementNode parent, String name, int position, int line, int column) {
        this.parent = parent;
        this.name = name;
        this.position = position;
        this.line = line;
        this.column = column;
    }

    /** The node above the root element. */
    static ElementNode document() {
        return new ElementNode(null, "", 0, 1, 1);
    }

    ElementNode openChild(String childName, int childLine, int childColumn) {
        if (childCounts == null) childCounts = new HashMap<>();
        int n = childCounts.merge(childName, 1, Integer::sum);
        return new ElementNode(this, childName, n, childLine, childColumn);
    }

    ElementNode parent() {
        return parent;
    }

    String name() {
        return name;
    }

    int line() {
        return line;
    }

    int column() {
        return column;
    }

    boolean isDocument() {
        return parent == null;
    }

    boolean hasChildren() {
        return childCounts != null;
    }

    int childCount(String childName) {
        return childCounts == null ? 0 : childCounts.getOrDefault(childName, 0);
    }

    void attributes(String[] namesAndValues) {
        attributes = namesAndValues;
    }

    /** The start tag's value of attribute {@code name}, or null. */
    String attribute(String name) {
        for (int i = 0; i < attributes.length; i += 2) if (attributes[i].equals(name)) return attributes[i + 1];
        return null;
    }

    void refuse() {
        refused = true;
    }

    /** True when this element or one above it was already refused. */
    boolean insideRefused() {
        for (ElementNode n = this; n != null; n = n.parent) if (n.refused) return true;
        return false;
    }

    /** {@code /domain/devices/disk[2]/driver}; {@code /} for the document itself. */
    String path() {
        if (isDocument()) return "/";
        StringBuilder b = new StringBuilder();
        appendPath(b);
        return b.toString();
    }

    private void appendPath(StringBuilder b) {
        if (isDocument()) return;
        parent.appendPath(b);
        b.append('/').append(name);
        if (parent.childCount(name) > 1) b.append('[').append(position).append(']');
    }
}
