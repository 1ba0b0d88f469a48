package dev.vireo.client;

import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** {@link JsonText}'s two output forms, spelled exactly as Jackson spells them. */
final class JsonWriter {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private JsonWriter() {
    }

    static void compact(Object value, StringBuilder out) {
        if (value instanceof Map<?, ?> map) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (!first) out.append(',');
                first = false;
                string((String) e.getKey(), out);
                out.append(':');
                compact(e.getValue(), out);
            }
            out.append('}');
        } else if (value instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) out.append(',');
                compact(list.get(i), out);
            }
            out.append(']');
        } else {
            scalar(value, out);
        }
    }

    /**
     * Jackson's DefaultPrettyPrinter: object fields on their own lines, two spaces per level and
     * {@code " : "} between name and value; arrays inline as {@code [ a, b ]}; empty ones {@code { }}
     * and {@code [ ]}.
     */
    static void pretty(Object value, int level, StringBuilder out) {
        if (value instanceof Map<?, ?> map) {
            if (map.isEmpty()) {
                out.append("{ }");
                return;
            }
            out.append('{');
            for (Iterator<? extends Map.Entry<?, ?>> it = map.entrySet().iterator(); it.hasNext(); ) {
                Map.Entry<?, ?> e = it.next();
                newline(level + 1, out);
                string((String) e.getKey(), out);
                out.append(" : ");
                pretty(e.getValue(), level + 1, out);
                if (it.hasNext()) out.append(',');
            }
            newline(level, out);
            out.append('}');
        } else if (value instanceof List<?> list) {
            if (list.isEmpty()) {
                out.append("[ ]");
                return;
            }
            out.append("[ ");
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) out.append(", ");
                pretty(list.get(i), level, out);
            }
            out.append(" ]");
        } else {
            scalar(value, out);
        }
    }

    private static void newline(int level, StringBuilder out) {
        out.append('\n').append("  ".repeat(level));
    }

    private static void scalar(Object value, StringBuilder out) {
        if (value instanceof String s) {
            string(s, out);
        } else if (value == null || value instanceof Boolean || value instanceof Number) {
            out.append(value);
        } else {
            throw new IllegalArgumentException("not a JSON value: " + value.getClass().getName());
        }
    }

    /** Quotes and backslashes escaped, control characters as {@code \n} etc. or {@code \u001F}. */
    private static void string(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20) {
                        out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
