package dev.vireo.command;

/** Single-quotes a token only when a POSIX shell would otherwise interpret part of it. */
final class ShellQuoting {

    /** The characters libvirt's {@code virCommandToString} treats as needing quotes. */
    private static final String SPECIAL = "\r\t\n !\"#$&'()*;<>?[\\]^`{|}~";

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
            if (SPECIAL.indexOf(token.charAt(i)) >= 0) {
                return true;
            }
        }
        return false;
    }
}
