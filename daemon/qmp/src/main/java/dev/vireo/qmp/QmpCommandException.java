package dev.vireo.qmp;

/**
 * QEMU answered a command with an error.
 *
 * @see #errorClass() QMP's {@code class}: GenericError, CommandNotFound, DeviceNotActive, ...
 * @see #description() QMP's {@code desc}, QEMU's human-readable reason
 */
public final class QmpCommandException extends QmpException {
    private final String command;
    private final String errorClass;
    private final String description;

    public QmpCommandException(String command, String errorClass, String description) {
        super("QEMU refused '" + command + "': " + description + " (" + errorClass + ")");
        this.command = command;
        this.errorClass = errorClass;
        this.description = description;
    }

    public String command() {
        return command;
    }

    public String errorClass() {
        return errorClass;
    }

    public String description() {
        return description;
    }
}
