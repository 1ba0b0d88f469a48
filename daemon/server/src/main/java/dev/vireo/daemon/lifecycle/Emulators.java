package dev.vireo.daemon.lifecycle;

import dev.vireo.caps.CapsCache;
import dev.vireo.caps.EmulatorBinary;
import dev.vireo.caps.ProbeException;
import dev.vireo.caps.QemuCaps;
import dev.vireo.caps.UnsupportedMachineException;
import dev.vireo.conf.model.Domain;
import dev.vireo.daemon.errors.VireoError;

import java.nio.file.Path;

/** Which emulator runs a domain, and what it can do. */
public final class Emulators {
    private Emulators() {
    }

    /** The binary that runs {@code d} ({@link EmulatorBinary#of}); refused when there is none. */
    public static Path of(Domain d) throws VireoError {
        return EmulatorBinary.of(d).orElseThrow(() -> VireoError.unsupported("domain '" + d.getName()
                + "' names no emulator and " + EmulatorBinary.defaultName(d) + " is not on the daemon's PATH: add <emulator>/path/to/"
                + EmulatorBinary.defaultName(d) + "</emulator> to <devices>"));
    }

    /** Probed (or cached) capabilities; a probe failure becomes an operation-failed refusal. */
    public static QemuCaps caps(CapsCache cache, Path emulator) throws VireoError {
        try {
            return cache.get(emulator);
        } catch (ProbeException e) {
            throw VireoError.failed("cannot probe emulator " + emulator + ": " + e.getMessage(), e);
        }
    }

    /**
     * Refuses a machine type the domain's emulator lacks, naming the closest ones it has, when the
     * emulator can be probed; one that cannot (not installed yet) is checked again at start.
     */
    public static void checkMachine(CapsCache cache, Domain d) throws VireoError {
        String machine = d.getOs() == null || d.getOs().getType() == null ? null : d.getOs().getType().getMachine();
        if (machine == null) return;
        QemuCaps qemuCaps;
        try {
            qemuCaps = cache.get(of(d));
        } catch (VireoError | ProbeException cannotProbe) {
            return;
        }
        try {
            qemuCaps.requireMachine(machine);
        } catch (UnsupportedMachineException e) {
            throw VireoError.unsupported(e.getMessage(), e);
        }
    }
}
