package dev.vireo.conf.defaults;

/** UUIDs as libvirt reads them: 32 hex digits, dashes and spaces between pairs allowed, printed canonically. */
public final class Uuids {

    private Uuids() {
    }

    /** The 32 hex digits of {@code text} in lower case, or {@code null} when it is not a UUID. */
    public static String digits(String text) {
        StringBuilder hex = new StringBuilder(32);
        String s = text.strip();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.digit(c, 16) >= 0) {
                if (hex.length() == 32) return null;
                hex.append(Character.toLowerCase(c));
            } else if (c != '-' && c != ' ') {
                return null;
            }
        }
        return hex.length() == 32 ? hex.toString() : null;
    }

    /** {@code 8-4-4-4-12} lower-case form of a valid UUID. */
    public static String canonical(String text) {
        String h = digits(text);
        if (h == null) throw new IllegalArgumentException("not a UUID: '" + text + "'");
        return h.substring(0, 8) + "-" + h.substring(8, 12) + "-" + h.substring(12, 16) + "-" + h.substring(16, 20) + "-" + h.substring(20);
    }
}
