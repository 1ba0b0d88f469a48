package dev.vireo.command.storage;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The opaque note of an fd in a set, {@code vireo-image-N-ro} or {@code vireo-image-N-rw}: which
 * image (its per-domain index, as in {@code vda[N]} and the live XML's {@code index}) and which
 * access. QEMU keeps it with the fd and reports it in {@code query-fdsets}, so a restarted daemon
 * learns which set holds which image without trusting set numbers.
 *
 * @param imageIndex the image's per-domain index
 * @param writable   whether the fd is O_RDWR
 */
public record FdSetNote(int imageIndex, boolean writable) {

    private static final Pattern FORM = Pattern.compile("vireo-image-([1-9][0-9]{0,8})-(ro|rw)");

    public String text() {
        return "vireo-image-" + imageIndex + (writable ? "-rw" : "-ro");
    }

    /** The note an opaque string carries, or empty for one Vireo did not write. */
    public static Optional<FdSetNote> parse(String opaque) {
        if (opaque == null) {
            return Optional.empty();
        }
        Matcher m = FORM.matcher(opaque);
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new FdSetNote(Integer.parseInt(m.group(1)), m.group(2).equals("rw")));
    }

    static void requireWord(String opaque) {
        if (opaque.isEmpty() || opaque.chars().anyMatch(c -> c == ',' || c <= ' ')) {
            throw new IllegalArgumentException("opaque '" + opaque + "' must be a non-empty word without commas");
        }
    }
}
