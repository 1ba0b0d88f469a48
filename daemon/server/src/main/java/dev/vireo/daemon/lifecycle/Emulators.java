package dev.vireo.daemon.lifecycle;

import dev.vireo.caps.CapsCache;
import dev.vireo.caps.ProbeException;
import dev.vireo.caps.QemuCaps;
import dev.vireo.client.ErrorCodes;
import dev.vireo.conf.model.Domain;
import dev.vireo.daemon.rpc.RpcException;

import java.nio.file.Path;

/** Which emulator runs a domain, and what it can do. */
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

    /** Probed (or cached) capabilities; a probe failure becomes an operation-failed refusal. */
    public static QemuCaps caps(CapsCache cache, Path emulator) throws RpcException {
        try {
            return cache.get(emulator);
        } catch (ProbeException e) {
            throw new RpcException(ErrorCodes.OPERATION_FAILED, "cannot probe emulator " + emulator + ": " + e.getMessage(), e);
        }
    }
}
