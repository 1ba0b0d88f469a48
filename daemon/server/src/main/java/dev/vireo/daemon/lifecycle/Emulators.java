package dev.vireo.daemon.lifecycle;

import dev.vireo.client.ErrorCodes;
import dev.vireo.conf.model.Domain;
import dev.vireo.daemon.rpc.RpcException;

import java.nio.file.Path;

/** Which emulator runs a domain. */
public final class Emulators {
    private Emulators() {
    }

    /** The binary its {@code <emulator>} element names (required: nothing is guessed). */
    public static Path of(Domain d) throws RpcException {
        String emulator = d.getDevices() == null ? null : d.getDevices().getEmulator();
        if (emulator == null || emulator.isBlank()) {
            throw new RpcException(ErrorCodes.UNSUPPORTED, "domain '" + d.getName()
                    + "' names no emulator: add <emulator>/usr/bin/qemu-system-x86_64</emulator> to <devices>");
        }
        return Path.of(emulator);
    }
}
