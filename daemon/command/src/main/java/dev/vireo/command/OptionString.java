package dev.vireo.command;

/**
 * Builds one comma-separated QEMU option value such as {@code file=/a,if=none,id=drive-x}.
 * Values that come from the user go through {@link #escaped}, which doubles commas the way QEMU's
 * option parser expects ({@code a,b} -> {@code a,,b}).
 */
final class OptionString {

    private final StringBuilder text = new StringBuilder(64);

    OptionString(String first) {
        text.append(first);
    }

    /** Appends {@code ,key=value}. */
    OptionString add(String key, Object value) {
        text.append(',').append(key).append('=').append(value);
        return this;
    }

    /** Appends {@code ,key=value} with commas in the value doubled. */
    OptionString addEscaped(String key, String value) {
        text.append(',').append(key).append('=').append(escaped(value));
        return this;
    }

    /** Appends {@code ,flag} (a bare word such as {@code server}). */
    OptionString flag(String word) {
        text.append(',').append(word);
        return this;
    }

    static String escaped(String value) {
        return value.indexOf(',') < 0 ? value : value.replace(",", ",,");
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
