package dev.vireo.conf.validate;

import dev.vireo.conf.validate.MsvMessages.Parsed;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Turns one MSV message into findings that say where (line, element path), what (the element or
 * attribute and its bad value) and what is allowed, using the schema index for what MSV leaves out.
 */
final class ProblemTranslator {
    private static final int MAX_QUOTED = 80;

    private final SchemaIndex index;
    private final String rootElement;

    ProblemTranslator(SchemaIndex index, String rootElement) {
        this.index = index;
        this.rootElement = rootElement;
    }

    /** Attributes that select a form of element {@code name} (kept by the reader for later messages). */
    Set<String> selectors(String name) {
        return index.selectors(name);
    }

    /**
     * The element a message belongs to, given the element the reader is on when it arrives.
     * Start-tag messages (names, attributes) belong to the element just opened; text checked
     * when a child starts belongs to the parent; end-tag messages to the element closing.
     */
    static ElementNode subjectOf(Parsed parsed, ElementNode current, boolean atStartTag) {
        boolean aboutText = parsed.kind() == MsvMessages.Kind.UNEXPECTED_TEXT || parsed.kind() == MsvMessages.Kind.BAD_TEXT;
        return aboutText && atStartTag && current.parent() != null ? current.parent() : current;
    }

    /**
     * @param subject the element the problem is about
     * @param text    the subject's text so far
     */
    List<Finding> translate(Parsed p, int line, int column, ElementNode subject, String text) {
        if (insideRefused(p, subject)) return List.of();
        return switch (p.kind()) {
            case UNEXPECTED_ELEMENT -> unexpectedElement(p, line, column, subject);
            case NO_CHILD_ALLOWED -> refuse(subject, Finding.of(line, column, subject,
                    "unexpected element <", subject.name(), "> in ", subject.parent(),
                    ": <", subject.parent().name(), "> has no child elements"));
            case WRONG_NAMESPACE -> refuse(subject, Finding.of(line, column, subject,
                    "element <", subject.name(), "> must be in namespace ", p.choices().getFirst()));
            case UNEXPECTED_ATTRIBUTE -> List.of(unexpectedAttribute(p, line, column, subject));
            case BAD_ATTRIBUTE_VALUE -> List.of(badAttributeValue(p, line, column, subject));
            case MISSING_ATTRIBUTE -> List.of(p.name() != null
                    ? Finding.of(line, column, subject, "missing required attribute '", p.name(), "' on <", subject.name(), ">")
                    : Finding.of(line, column, subject, "<", subject.name(), "> needs one of the attributes: ",
                            String.join(", ", p.choices())));
            case INCOMPLETE_CONTENT -> missingElements(p, subject);
            case UNEXPECTED_TEXT -> List.of(unexpectedText(p, line, column, subject, text));
            case BAD_TEXT -> List.of(badText(p, line, column, subject, text));
            case INCOMPLETE_UNKNOWN -> List.of(incompleteUnknown(p, line, column, subject, text));
            case OTHER -> List.of(Finding.of(line, column, subject, p.value()));
        };
    }

    /**
     * Once an element was refused, MSV cannot say anything useful about what is inside it (it
     * matches the content against whatever it guesses): keep quiet there. The element's own
     * refusal is decided on its start tag, so for those kinds only the ancestors count.
     */
    private static boolean insideRefused(Parsed p, ElementNode subject) {
        boolean aboutThisStartTag = switch (p.kind()) {
            case UNEXPECTED_ELEMENT, NO_CHILD_ALLOWED, WRONG_NAMESPACE -> true;
            default -> false;
        };
        ElementNode from = aboutThisStartTag ? subject.parent() : subject;
        return from != null && from.insideRefused();
    }

    private List<Finding> unexpectedElement(Parsed p, int line, int column, ElementNode subject) {
        ElementNode parent = subject.parent();
        String name = subject.name();
        if (parent.isDocument()) {
            return refuse(subject, Finding.of(line, column, subject,
                    "the root element must be <", rootElement, ">, not <", name, ">"));
        }
        ElementRules parentRules = rules(parent);
        boolean known = parentRules != null && parentRules.children().contains(name);
        if (known && parent.childCount(name) > 1 && !p.choices().contains(name)) {
            return refuse(subject, Finding.of(line, column, subject,
                    "element <", name, "> appears more than once in ", parent, "; only one is allowed"));
        }
        List<String> allowed = !p.choices().isEmpty() ? p.choices()
                : parentRules != null ? List.copyOf(parentRules.children()) : List.of();
        String allowedText = allowed.isEmpty() ? "" : "; allowed here: " + String.join(", ", allowed);
        if (known) {
            return refuse(subject, Finding.of(line, column, subject,
                    "element <", name, "> is not allowed at this position in ", parent,
                    " (the order matters here)", allowedText.replace("allowed here", "expected here")));
        }
        return refuse(subject, Finding.of(line, column, subject,
                "unexpected element <", name, "> in ", parent, allowedText));
    }

    private Finding unexpectedAttribute(Parsed p, int line, int column, ElementNode subject) {
        ElementRules r = rules(subject);
        String allowed = r == null || r.attributeNames().isEmpty()
                ? "; <" + subject.name() + "> takes no attributes"
                : "; allowed: " + String.join(", ", r.attributeNames());
        return Finding.of(line, column, subject,
                "unexpected attribute '", p.name(), "' on <", subject.name(), ">", allowed);
    }

    private Finding badAttributeValue(Parsed p, int line, int column, ElementNode subject) {
        String value = subject.attribute(p.name());
        ElementRules r = rules(subject);
        ValueSpec spec = r == null ? null : r.attributeSpec(p.name());
        String allowed;
        if (spec != null && !spec.isEmpty()) allowed = spec.describe();
        else if (!p.choices().isEmpty()) allowed = "allowed: " + String.join(", ", p.choices());
        else allowed = "see docs/domain-xml.md";
        return Finding.of(line, column, subject, "attribute '", p.name(), "' of <", subject.name(),
                "> has a bad value '", quote(value), "'; ", allowed);
    }

    private static Finding unexpectedText(Parsed p, int line, int column, ElementNode subject, String text) {
        String found = p.value() != null ? p.value() : text.strip();
        return Finding.of(line, column, subject, "unexpected text", found.isEmpty() ? "" : " '" + quote(found) + "'",
                " in <", subject.name(), ">: it takes no text here");
    }

    private Finding badText(Parsed p, int line, int column, ElementNode subject, String text) {
        String value = p.value() != null ? p.value() : text.strip();
        ElementRules r = rules(subject);
        String allowed = r != null && !r.text().isEmpty() ? r.text().describe() : "see docs/domain-xml.md";
        return Finding.of(line, column, subject,
                "element <", subject.name(), "> has a bad value '", quote(value), "'; ", allowed);
    }

    /**
     * MSV gives no reason at an end tag when an element's text fits none of its choices (an
     * empty {@code <name></name>}): for an element that holds a value, say so.
     */
    private Finding incompleteUnknown(Parsed p, int line, int column, ElementNode subject, String text) {
        ElementRules r = rules(subject);
        boolean holdsValue = r != null && !r.text().isEmpty() && r.children().isEmpty();
        if (holdsValue && text.isBlank()) {
            return Finding.of(subject.line(), subject.column(), subject,
                    "element <", subject.name(), "> is empty; ", r.text().describe());
        }
        if (holdsValue) return badText(p, line, column, subject, text);
        return Finding.of(subject.line(), subject.column(), subject,
                "element <", subject.name(), "> is incomplete or does not fit any form the schema allows");
    }

    /**
     * MSV lists every element that could still come, optional ones included; the required ones
     * among them (per the schema index) are what is missing. Reported at the parent's start tag.
     */
    private List<Finding> missingElements(Parsed p, ElementNode subject) {
        ElementRules r = rules(subject);
        Set<String> required = r == null ? Set.of() : r.requiredChildren();
        List<Finding> out = new ArrayList<>();
        for (String name : p.choices()) {
            if (required.contains(name) && subject.childCount(name) == 0) {
                out.add(Finding.of(subject.line(), subject.column(), subject,
                        "missing required element <", name, "> in ", subject));
            }
        }
        if (out.isEmpty()) {
            out.add(Finding.of(subject.line(), subject.column(), subject,
                    "element <", subject.name(), "> is incomplete in ", subject,
                    "; it needs one of: ", String.join(", ", p.choices())));
        }
        return out;
    }

    /** The rules of {@code node} in its parent's form, narrowed to its own form by its attributes. */
    private ElementRules rules(ElementNode node) {
        ElementNode parent = node.parent();
        ElementRules r = parent == null ? null : index.rules(parent.name(), parent::attribute, node.name());
        return r == null ? null : r.narrowedBy(node::attribute);
    }

    private static List<Finding> refuse(ElementNode subject, Finding finding) {
        subject.refuse();
        return List.of(finding);
    }

    private static String quote(String value) {
        if (value == null) return "";
        return visible(value.length() <= MAX_QUOTED ? value : value.substring(0, MAX_QUOTED) + "...");
    }

    /**
     * Control and formatting characters (a bidi override among them) written as {@code \}{@code uXXXX}:
     * the refused value is shown as it is, not as the terminal would render it.
     */
    private static String visible(String value) {
        StringBuilder out = new StringBuilder(value.length());
        value.codePoints().forEach(c -> {
            int type = Character.getType(c);
            if (type == Character.CONTROL || type == Character.FORMAT) out.append(String.format("\\u%04X", c));
            else out.appendCodePoint(c);
        });
        return out.toString();
    }
}
