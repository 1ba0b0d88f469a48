package dev.vireo.caps;

/**
 * How an emulator is asked for its device models and their properties, as its {@code -help} says:
 * QEMU 0.12 lists models with {@code -device ?} but cannot list properties; 0.13 to 1.x take
 * {@code -device ?} and {@code -device NAME,?}; later releases {@code -device help} and
 * {@code -device NAME,help}.
 */
public enum DeviceQuery {
    /** No {@code -device} option at all. */
    NONE(null, false),
    /**
     * {@code -device} without a way to list properties (QEMU 0.12): only the model list is read, and
     * since QEMU 0.12 prints it but then exits with status 1, the exit status is not trusted.
     */
    LIST_ONLY("?", false),
    QUESTION_MARK("?", true),
    HELP("help", true);

    private final String word;
    private final boolean listsProperties;

    DeviceQuery(String word, boolean listsProperties) {
        this.word = word;
        this.listsProperties = listsProperties;
    }

    /** Whether the emulator can list the properties of a device model. */
    public boolean listsProperties() {
        return listsProperties;
    }

    /** The argument after {@code -device} that lists every device model. */
    public String listArgument() {
        if (this == NONE) throw new IllegalStateException("this emulator has no -device option");
        return word;
    }

    /** The argument after {@code -device} that lists the properties of {@code device}. */
    public String propertiesArgument(String device) {
        if (!listsProperties) throw new IllegalStateException("this emulator cannot list device properties");
        return device + "," + word;
    }
}
