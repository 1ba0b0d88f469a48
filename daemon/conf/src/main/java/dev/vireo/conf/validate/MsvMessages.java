package dev.vireo.conf.validate;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises MSV's English validation messages (as bundled in Woodstox) and pulls out their
 * parts. MSV has no structured problem API, so its wording is the interface; any message not
 * recognised here is kept verbatim by the translator.
 */
final class MsvMessages {

    /** What a message is about, which also decides the element it belongs to. */
    enum Kind {
        /** An element not allowed at this place; {@code name}, {@code choices}. */
        UNEXPECTED_ELEMENT,
        /** An element inside one that takes no child elements; {@code name}. */
        NO_CHILD_ALLOWED,
        /** An element in the wrong namespace; {@code name}, {@code expected namespace in choices}. */
        WRONG_NAMESPACE,
        /** {@code name}. */
        UNEXPECTED_ATTRIBUTE,
        /** {@code name}, {@code choices} (enumeration) or nothing (data type). */
        BAD_ATTRIBUTE_VALUE,
        /** {@code name}: one required attribute, or {@code choices}: at least one of them. */
        MISSING_ATTRIBUTE,
        /** Content ended early; {@code choices}: every element that could still come. */
        INCOMPLETE_CONTENT,
        /** Text where none is allowed; {@code value}. */
        UNEXPECTED_TEXT,
        /** The element's text does not fit its type; {@code value} when MSV quotes it. */
        BAD_TEXT,
        /** MSV gave no reason at an end tag: follows an earlier problem inside the element. */
        INCOMPLETE_UNKNOWN,
        /** Anything else: shown verbatim. */
        OTHER
    }

    record Parsed(Kind kind, String name, String value, List<String> choices) {
    }

    private static final Pattern BAD_TAG =
            Pattern.compile("tag name \"([^\"]+)\" is not allowed(?:\\. Possible tag names are: (.*))?", Pattern.DOTALL);
    private static final Pattern NO_ELEMENT = Pattern.compile("element \"([^\"]+)\" was found where no element may occur");
    private static final Pattern NAMESPACE =
            Pattern.compile("(?:Probably )?namespace URI of tag \"([^\"]+)\" is wrong[^\"]*\"([^\"]*)\"\\)?");
    private static final Pattern UNEXPECTED_ATTR = Pattern.compile("unexpected attribute \"([^\"]+)\"");
    private static final Pattern BAD_ATTR =
            Pattern.compile("attribute \"([^\"]+)\" has a bad value(?:\\. Possible values are: (.*)|: .*)?", Pattern.DOTALL);
    private static final Pattern MISSING_ATTR = Pattern.compile("element \"[^\"]+\" is missing \"([^\"]+)\" attribute");
    private static final Pattern MISSING_ONE_OF =
            Pattern.compile("at least one of the following attributes is required for element \"[^\"]+\": (.*)");
    private static final Pattern INCOMPLETE = Pattern.compile("uncompleted content model\\. expecting: (.*)", Pattern.DOTALL);
    private static final Pattern TEXT_NOT_ALLOWED =
            Pattern.compile("No character data is allowed here, but found \"(.*)\"", Pattern.DOTALL);
    /** Woodstox's own check, made before MSV sees text inside an element declared empty. */
    private static final Pattern TEXT_IN_EMPTY = Pattern.compile("Element <[^>]+> has non-mixed content specification.*", Pattern.DOTALL);
    private static final Pattern TEXT_TYPE = Pattern.compile("\"(.*)\" does not satisfy the .*", Pattern.DOTALL);
    private static final Pattern TEXT_LITERAL =
            Pattern.compile("unexpected character literal\\. expecting: .* found: (.*)|the value must be \"[^\"]*\", but found \"(.*)\"", Pattern.DOTALL);
    /** A data type's own diagnosis, given alone when the element's text is wrong. */
    private static final Pattern DATATYPE_DIAGNOSIS = Pattern.compile(
            "the value (does not match|is out of the range|is not a member|has \\d+).*|the length of the value is.*",
            Pattern.DOTALL);
    private static final Pattern UNKNOWN_AT_END = Pattern.compile("Unknown reason \\(at end element.*", Pattern.DOTALL);
    private static final Pattern UNKNOWN_IN_TEXT =
            Pattern.compile("Unknown reason \\(at (?:CDATA section|characters|text).*", Pattern.DOTALL);

    private MsvMessages() {
    }

    static Parsed parse(String message) {
        Matcher m;
        if ((m = BAD_TAG.matcher(message)).matches()) {
            return new Parsed(Kind.UNEXPECTED_ELEMENT, m.group(1), null, names(m.group(2)));
        }
        if ((m = NO_ELEMENT.matcher(message)).matches()) return new Parsed(Kind.NO_CHILD_ALLOWED, m.group(1), null, List.of());
        if ((m = NAMESPACE.matcher(message)).matches()) {
            return new Parsed(Kind.WRONG_NAMESPACE, m.group(1), null, List.of(m.group(2)));
        }
        if ((m = UNEXPECTED_ATTR.matcher(message)).matches()) {
            return new Parsed(Kind.UNEXPECTED_ATTRIBUTE, m.group(1), null, List.of());
        }
        if ((m = BAD_ATTR.matcher(message)).matches()) {
            return new Parsed(Kind.BAD_ATTRIBUTE_VALUE, m.group(1), null, names(m.group(2)));
        }
        if ((m = MISSING_ATTR.matcher(message)).matches()) {
            return new Parsed(Kind.MISSING_ATTRIBUTE, m.group(1), null, List.of());
        }
        if ((m = MISSING_ONE_OF.matcher(message)).matches()) {
            return new Parsed(Kind.MISSING_ATTRIBUTE, null, null, names(m.group(1)));
        }
        if ((m = INCOMPLETE.matcher(message)).matches()) {
            return new Parsed(Kind.INCOMPLETE_CONTENT, null, null, names(m.group(1)));
        }
        if ((m = TEXT_NOT_ALLOWED.matcher(message)).matches()) {
            return new Parsed(Kind.UNEXPECTED_TEXT, null, m.group(1), List.of());
        }
        if (TEXT_IN_EMPTY.matcher(message).matches()) return new Parsed(Kind.UNEXPECTED_TEXT, null, null, List.of());
        if ((m = TEXT_TYPE.matcher(message)).matches()) return new Parsed(Kind.BAD_TEXT, null, m.group(1), List.of());
        if ((m = TEXT_LITERAL.matcher(message)).matches()) {
            String found = m.group(1) != null ? m.group(1) : m.group(2);
            return new Parsed(Kind.BAD_TEXT, null, unquote(found), List.of());
        }
        if (UNKNOWN_IN_TEXT.matcher(message).matches()) return new Parsed(Kind.BAD_TEXT, null, null, List.of());
        if (UNKNOWN_AT_END.matcher(message).matches()) return new Parsed(Kind.INCOMPLETE_UNKNOWN, null, null, List.of());
        if (DATATYPE_DIAGNOSIS.matcher(message).matches()
                || message.startsWith("bad character literal") || message.contains("does not satisfy the required data type")) {
            return new Parsed(Kind.BAD_TEXT, null, null, List.of());
        }
        return new Parsed(Kind.OTHER, null, message, List.of());
    }

    /** {@code <a>,<b>, and more} or {@code "x","y"} to {@code [a, b]}. */
    private static List<String> names(String list) {
        List<String> out = new ArrayList<>();
        if (list == null) return out;
        for (String item : list.split(",")) {
            String s = item.trim();
            if (s.isEmpty() || s.startsWith("and more") || s.startsWith("or more") || s.startsWith("etc")) continue;
            if (s.startsWith("<") && s.endsWith(">")) s = s.substring(1, s.length() - 1);
            out.add(unquote(s));
        }
        return out;
    }

    private static String unquote(String s) {
        String t = s.trim();
        if (t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"")) return t.substring(1, t.length() - 1);
        return t;
    }
}
