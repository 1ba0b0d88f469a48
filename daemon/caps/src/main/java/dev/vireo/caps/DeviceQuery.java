package dev.vireo.caps;

/**
 * How an emulator is asked for its device models and their properties, as its {@code -help} says:
 * QEMU 0.13 to 1.x take {@code -device ?} and {@code -device NAME,?}; later releases
 * {@code -device help} and {@code -device NAME,help}.
 */
public enum DeviceQuery {
    /** No usable device listing: no {@code -device}, or one that cannot list properties (QEMU 0.12). */
    NONE(null),
    QUESTION_MARK("?"),
    HELP("help");

    private final String word;

    DeviceQuery(String word) {
        this.word = word;
    }

    /** The argument after {@code -device} that lists every device model. */
    public String listArgument() {
        requireSupported();
        return word;
    }

    /** The argument after {@code -device} that lists the properties of {@code device}. */
    public String propertiesArgument(String device) {
        requireSupported();
        return device + "," + word;
    }

    private void requireSupported() {
        if (this == NONE) throw new IllegalStateException("this emulator has no device listing to query");
    }
}
