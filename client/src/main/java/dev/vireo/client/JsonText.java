package dev.vireo.client;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The client's own JSON reader and writer for the RPC's messages, so that a {@code vireo} call does
 * not start Jackson (hundreds of classes and a costly mapper set-up at every start). The daemon
 * keeps Jackson ({@link Json}); both sides write the same text (JsonTextTest compares them).
 *
 * <p>Values are plain Java: {@code Map<String, Object>} (keys in document order), {@code List<Object>},
 * {@code String}, {@code Boolean}, numbers ({@code Integer}, {@code Long}, {@code BigInteger} for
 * whole numbers, {@code Double} otherwise) and {@code null}.
 */
public final class JsonText {
    private final String text;
    private int pos;

    private JsonText(String text) {
        this.text = text;
    }

    /** One JSON value; anything else (or trailing text) is refused with where it went wrong. */
    public static Object parse(String text) {
        JsonText reader = new JsonText(text);
        Object value = reader.value();
        reader.skipSpace();
        if (reader.pos != text.length()) throw reader.error("unexpected text after the value");
        return value;
    }

    /** Compact form, as Jackson's {@code JsonNode.toString()}: {@code {"a":1,"b":[1,2]}}. */
    public static String write(Object value) {
        StringBuilder out = new StringBuilder();
        JsonWriter.compact(value, out);
        return out.toString();
    }

    /** Indented form, as Jackson's default pretty printer: {@code "a" : 1}, arrays as {@code [ 1, 2 ]}. */
    public static String pretty(Object value) {
        StringBuilder out = new StringBuilder();
        JsonWriter.pretty(value, 0, out);
        return out.toString();
    }

    private Object value() {
        skipSpace();
        if (pos >= text.length()) throw error("a value is missing");
        char c = text.charAt(pos);
        return switch (c) {
            case '{' -> object();
            case '[' -> array();
            case '"' -> string();
            case 't' -> literal("true", Boolean.TRUE);
            case 'f' -> literal("false", Boolean.FALSE);
            case 'n' -> literal("null", null);
            default -> {
                if (c == '-' || (c >= '0' && c <= '9')) yield number();
                throw error("unexpected character '" + c + "'");
            }
        };
    }

    private Map<String, Object> object() {
        Map<String, Object> map = new LinkedHashMap<>();
        pos++;
        skipSpace();
        if (peek() == '}') {
            pos++;
            return map;
        }
        for (;;) {
            skipSpace();
            if (peek() != '"') throw error("a field name in double quotes is expected");
            String key = string();
            skipSpace();
            expect(':');
            map.put(key, value());
            skipSpace();
            if (peek() == ',') {
                pos++;
            } else {
                expect('}');
                return map;
            }
        }
    }

    private List<Object> array() {
        List<Object> list = new ArrayList<>();
        pos++;
        skipSpace();
        if (peek() == ']') {
            pos++;
            return list;
        }
        for (;;) {
            list.add(value());
            skipSpace();
            if (peek() == ',') {
                pos++;
            } else {
                expect(']');
                return list;
            }
        }
    }

    private String string() {
        pos++;
        StringBuilder s = new StringBuilder();
        for (;;) {
            if (pos >= text.length()) throw error("unterminated string");
            char c = text.charAt(pos++);
            if (c == '"') return s.toString();
            if (c < 0x20) throw error("unescaped control character in a string");
            if (c != '\\') {
                s.append(c);
                continue;
            }
            if (pos >= text.length()) throw error("unterminated string");
            char e = text.charAt(pos++);
            switch (e) {
                case '"', '\\', '/' -> s.append(e);
                case 'b' -> s.append('\b');
                case 'f' -> s.append('\f');
                case 'n' -> s.append('\n');
                case 'r' -> s.append('\r');
                case 't' -> s.append('\t');
                case 'u' -> {
                    if (pos + 4 > text.length()) throw error("short \\u escape");
                    try {
                        s.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
                    } catch (NumberFormatException ex) {
                        throw error("bad \\u escape");
                    }
                    pos += 4;
                }
                default -> throw error("unknown escape '\\" + e + "'");
            }
        }
    }

    private Object number() {
        int start = pos;
        if (peek() == '-') pos++;
        boolean whole = true;
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c >= '0' && c <= '9') {
                pos++;
            } else if (c == '.' || c == 'e' || c == 'E' || ((c == '+' || c == '-') && !whole)) {
                whole = false;
                pos++;
            } else {
                break;
            }
        }
        String n = text.substring(start, pos);
        try {
            if (!whole) return Double.valueOf(n);
            BigInteger big = new BigInteger(n);
            if (big.bitLength() < 32) return big.intValue();
            if (big.bitLength() < 64) return big.longValue();
            return big;
        } catch (NumberFormatException e) {
            throw error("malformed number '" + n + "'");
        }
    }

    private Object literal(String word, Object value) {
        if (!text.startsWith(word, pos)) throw error("unexpected word");
        pos += word.length();
        return value;
    }

    private void expect(char c) {
        if (peek() != c) throw error("'" + c + "' expected");
        pos++;
    }

    private char peek() {
        return pos < text.length() ? text.charAt(pos) : '\0';
    }

    private void skipSpace() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') return;
            pos++;
        }
    }

    private IllegalArgumentException error(String what) {
        return new IllegalArgumentException(what + " at character " + pos);
    }
}
