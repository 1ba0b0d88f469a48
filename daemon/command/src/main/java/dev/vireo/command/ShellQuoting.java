package dev.vireo.command;

/** Single-quotes a token only when a POSIX shell would otherwise interpret part of it. */
final class ShellQuoting {

    /** The characters libvirt's {@code virCommandToString} treats as needing quotes. */
    private static final String SPECIAL = "\r\t\n !\"#$&'()*;<>?[\\]^`{|}~";

    /** SPECIAL as a lookup table: the check runs on every character of every argument. */
    private static final boolean[] IS_SPECIAL = new boolean[128];

    static {
        for (char c : SPECIAL.toCharArray()) {
            IS_SPECIAL[c] = true;
        }
    }

    private ShellQuoting() {
    }

    static String quote(String token) {
        if (token.isEmpty()) {
            return "''";
        }
        if (!needsQuotes(token)) {
            return token;
        }
        // Inside single quotes nothing is special except the quote itself, which has to leave the
        // quoted run, be escaped, and open a new run.
        return "'" + token.replace("'", "'\\''") + "'";
    }

    private static boolean needsQuotes(String token) {
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (c < IS_SPECIAL.length && IS_SPECIAL[c]) {
                return true;
            }
        }
        return false;
    }
}
