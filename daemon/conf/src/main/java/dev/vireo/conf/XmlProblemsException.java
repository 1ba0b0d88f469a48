package dev.vireo.conf;

import java.util.List;

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

    private static String summary(List<XmlProblem> problems) {
        if (problems.size() == 1) return problems.getFirst().toString();
        StringBuilder b = new StringBuilder(problems.size() + " problems in the domain XML:");
        for (XmlProblem p : problems) b.append("\n  ").append(p);
        return b.toString();
    }
}
