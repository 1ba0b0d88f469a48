package dev.vireo.conf.validate;

import dev.vireo.conf.XmlProblem;
import java.util.List;

/**
 * A problem found while reading, kept until the whole document is read so that the element
 * paths in it can be rendered with their final sibling indexes.
 *
 * @param subject the element the problem is about (its path goes in {@link XmlProblem#path()})
 * @param parts   the message: strings, and element nodes that are rendered as their paths
 */
record Finding(int line, int column, ElementNode subject, List<Object> parts) {

    static Finding of(int line, int column, ElementNode subject, Object... parts) {
        return new Finding(line, column, subject, List.of(parts));
    }

    XmlProblem toProblem() {
        StringBuilder b = new StringBuilder();
        for (Object part : parts) b.append(part instanceof ElementNode n ? n.path() : part);
        return new XmlProblem(line, column, subject == null ? "" : subject.path(), b.toString());
    }
}
