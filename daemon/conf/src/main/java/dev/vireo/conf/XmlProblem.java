package dev.vireo.conf;

/**
 * One thing wrong with a domain document, located precisely enough to fix it without guessing.
 *
 * @param line    1-based line, or 0 when the problem is not tied to a place (a semantic check)
 * @param column  1-based column, or 0 when unknown
 * @param path    element path such as {@code /domain/devices/disk[2]/driver}
 * @param message what is wrong: the attribute or element, the bad value and what is allowed
 */
public record XmlProblem(int line, int column, String path, String message) {

    /** {@code line 12:7: /domain/devices/disk[2]/driver: attribute 'cache' ...}. */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        if (line > 0) {
            b.append("line ").append(line);
            if (column > 0) b.append(':').append(column);
            b.append(": ");
        }
        if (path != null && !path.isEmpty()) b.append(path).append(": ");
        return b.append(message).toString();
    }
}
