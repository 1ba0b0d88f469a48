package dev.vireo.conf;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/** A document was refused; carries every problem found, not only the first. */
public final class XmlProblemsException extends Exception {
    private final List<XmlProblem> problems;

    public XmlProblemsException(List<XmlProblem> problems) {
        super(summary(problems));
        this.problems = List.copyOf(problems);
    }

    public XmlProblemsException(XmlProblem problem) {
        this(List.of(problem));
    }

    public List<XmlProblem> problems() {
        return problems;
    }

    /**
     * One line per different problem: the same message at several places (fifteen controllers of a
     * type Vireo does not support) is printed once, at its first place, with the other lines after
     * it, so that each unsupported feature is named once.
     */
    private static String summary(List<XmlProblem> problems) {
        if (problems.size() == 1) return problems.getFirst().toString();
        Map<String, List<XmlProblem>> byMessage = new LinkedHashMap<>();
        for (XmlProblem p : problems) byMessage.computeIfAbsent(p.message(), m -> new ArrayList<>()).add(p);
        StringBuilder b = new StringBuilder(problems.size() + " problems in the domain XML");
        if (byMessage.size() < problems.size()) b.append(", ").append(byMessage.size()).append(" different");
        b.append(':');
        for (List<XmlProblem> same : byMessage.values()) {
            b.append("\n  ").append(same.getFirst());
            if (same.size() > 1) {
                StringJoiner lines = new StringJoiner(", ", " (the same at line ", ")");
                for (XmlProblem p : same.subList(1, same.size())) lines.add(p.line() > 0 ? String.valueOf(p.line()) : p.path());
                b.append(lines);
            }
        }
        return b.toString();
    }
}
