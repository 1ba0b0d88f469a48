package dev.vireo.daemon.lifecycle;

import dev.vireo.caps.CapsCache;
import dev.vireo.caps.ProbeException;
import dev.vireo.caps.QemuCaps;
import dev.vireo.conf.model.Domain;
import dev.vireo.daemon.errors.VireoError;

import java.nio.file.Files;
import java.nio.file.Path;

/** Which emulator runs a domain, and what it can do. */
public final class Emulators {
    private Emulators() {
    }

    /**
     * The binary its {@code <emulator>} element names, or, as libvirt does when the element is
     * absent, the host's emulator for the guest's architecture: {@code qemu-system-ARCH} found on
     * the daemon's PATH (i686 guests run on qemu-system-i386; no arch means the host's, x86_64).
     */
    public static Path of(Domain d) throws VireoError {
        String emulator = d.getDevices() == null ? null : d.getDevices().getEmulator();
        if (emulator != null && !emulator.isBlank()) {
            return Path.of(emulator);
        }
        String binary = "qemu-system-" + qemuArch(d);
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, binary);
            if (Files.isExecutable(candidate)) {
                return candidate.toAbsolutePath();
            }
        }
        throw VireoError.unsupported("domain '" + d.getName() + "' names no emulator and "
                + binary + " is not on the daemon's PATH: add <emulator>/path/to/" + binary + "</emulator> to <devices>");
    }

    private static String qemuArch(Domain d) {
        String arch = d.getOs() == null || d.getOs().getType() == null ? null : d.getOs().getType().getArch();
        if (arch == null || arch.isBlank()) {
            return "x86_64";
        }
        return switch (arch) {
            case "i686", "i586", "i486", "i386" -> "i386";
            default -> arch;
        };
    }

    /** Probed (or cached) capabilities; a probe failure becomes an operation-failed refusal. */
    public static QemuCaps caps(CapsCache cache, Path emulator) throws VireoError {
        try {
            return cache.get(emulator);
        } catch (ProbeException e) {
            throw VireoError.failed("cannot probe emulator " + emulator + ": " + e.getMessage(), e);
        }
    }
}
