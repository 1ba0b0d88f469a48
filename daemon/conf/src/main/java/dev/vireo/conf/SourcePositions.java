package dev.vireo.conf;

import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Where each model object came from in the document (line, column, element path), so that a semantic
 * check can locate its complaint as precisely as the schema does. Objects added by defaults have no
 * position; a problem about them falls back to the path the check computes.
 */
public final class SourcePositions {
    /** A place in the document; the element's path is spelled out only when a problem needs it. */
    private record Position(int line, int column, ElementPathReader.Element element) {
    }

    private final Map<Object, Position> positions = new IdentityHashMap<>();

    void record(Object target, ElementPathReader reader) {
        var location = reader.getLocation();
        positions.put(target, new Position(location.getLineNumber(), location.getColumnNumber(), reader.element()));
    }

    /** Whether {@code subject} was written in the document rather than added by defaults. */
    public boolean isFromDocument(Object subject) {
        return subject != null && positions.containsKey(subject);
    }

    /** A problem about {@code subject}, placed where it was written, else at {@code fallbackPath}. */
    public XmlProblem problem(Object subject, String fallbackPath, String message) {
        Position p = subject == null ? null : positions.get(subject);
        return p == null ? new XmlProblem(0, 0, fallbackPath, message) : new XmlProblem(p.line(), p.column(), p.element().path(), message);
    }
}
