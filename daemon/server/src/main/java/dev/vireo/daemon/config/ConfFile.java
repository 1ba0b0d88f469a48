package dev.vireo.daemon.config;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The syntax of vireod.conf, the one libvirt's qemu.conf uses: {@code key = "string"} or
 * {@code key = number}, one per line; {@code #} starts a comment; blank lines are ignored.
 */
final class ConfFile {

    /** One setting; {@code raw} is the value as written (quotes removed for a string). */
    record Value(String key, String raw, boolean quoted, int line, String file) {

        String string() {
            if (!quoted) {
                throw new IllegalArgumentException(file + ":" + line + ": " + key + " needs a quoted string, e.g. "
                        + key + " = \"" + raw + "\"");
            }
            return raw;
        }

        boolean flag() {
            if (quoted || !(raw.equals("0") || raw.equals("1"))) {
                throw new IllegalArgumentException(file + ":" + line + ": " + key + " is 0 or 1, not " + raw);
            }
            return raw.equals("1");
        }

        /** A whole number from {@code min} to {@code max}. */
        long number(long min, long max) {
            long n;
            try {
                n = quoted ? -1 : Long.parseLong(raw);
            } catch (NumberFormatException e) {
                n = -1;
            }
            if (quoted || n < min || n > max) {
                throw new IllegalArgumentException(file + ":" + line + ": " + key + " is a whole number from " + min
                        + " to " + max + ", not " + raw);
            }
            return n;
        }
    }

    private ConfFile() {
    }

    static Map<String, Value> parse(String file, String text) {
        Map<String, Value> values = new LinkedHashMap<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int eq = line.indexOf('=');
            String where = file + ":" + (i + 1) + ": ";
            if (eq <= 0) {
                throw new IllegalArgumentException(where + "expected 'key = value', got '" + line + "'");
            }
            String key = line.substring(0, eq).strip();
            if (!key.matches("[a-z_]+")) {
                throw new IllegalArgumentException(where + "'" + key + "' is not a setting name (lower-case letters and '_')");
            }
            Value value = value(key, line.substring(eq + 1).strip(), i + 1, file, where);
            if (values.putIfAbsent(key, value) != null) {
                throw new IllegalArgumentException(where + key + " is set twice (first on line " + values.get(key).line() + ")");
            }
        }
        return values;
    }

    private static Value value(String key, String rest, int line, String file, String where) {
        if (rest.startsWith("\"")) {
            int close = rest.indexOf('"', 1);
            if (close < 0) {
                throw new IllegalArgumentException(where + key + ": string has no closing '\"'");
            }
            requireOnlyComment(rest.substring(close + 1), key, where);
            return new Value(key, rest.substring(1, close), true, line, file);
        }
        int hash = rest.indexOf('#');
        String raw = (hash < 0 ? rest : rest.substring(0, hash)).strip();
        if (!raw.matches("-?[0-9]+")) {
            throw new IllegalArgumentException(where + key + ": value '" + raw + "' is neither a quoted string nor a number");
        }
        return new Value(key, raw, false, line, file);
    }

    private static void requireOnlyComment(String after, String key, String where) {
        String tail = after.strip();
        if (!tail.isEmpty() && !tail.startsWith("#")) {
            throw new IllegalArgumentException(where + key + ": unexpected '" + tail + "' after the value");
        }
    }
}
