package dev.vireo.caps;

import java.util.List;

/** A domain asks for a machine type its emulator does not offer; the message names the closest ones it has. */
public final class UnsupportedMachineException extends Exception {
    private final String machine;
    private final List<String> closest;

    UnsupportedMachineException(String machine, String emulator, List<String> closest) {
        super("machine type '" + machine + "' is not supported by " + emulator
                + (closest.isEmpty() ? "" : "; closest: " + String.join(", ", closest)));
        this.machine = machine;
        this.closest = List.copyOf(closest);
    }

    public String machine() {
        return machine;
    }

    public List<String> closest() {
        return closest;
    }
}
