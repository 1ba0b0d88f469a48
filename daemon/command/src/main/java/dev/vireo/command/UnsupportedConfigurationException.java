package dev.vireo.command;

/**
 * The domain asks for something the emulator binary (as described by its capabilities) cannot do,
 * or something that cannot be expressed on its command line. The message names the device or
 * setting and what is missing; no partial command line is produced.
 */
public final class UnsupportedConfigurationException extends Exception {

    public UnsupportedConfigurationException(String message) {
        super(message);
    }
}
