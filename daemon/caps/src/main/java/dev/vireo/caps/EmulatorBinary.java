package dev.vireo.caps;

import dev.vireo.conf.model.Domain;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Which emulator binary runs a domain. */
public final class EmulatorBinary {
    private EmulatorBinary() {
    }

    /**
     * The binary its {@code <emulator>} element names, or, as libvirt does when the element is
     * absent, the host's emulator for the guest's architecture: {@code qemu-system-ARCH} found on
     * the PATH (i686 guests run on qemu-system-i386; no arch means the host's, x86_64). Empty when
     * the domain names none and none is on the PATH.
     */
    public static Optional<Path> of(Domain d) {
        String emulator = d.getDevices() == null ? null : d.getDevices().getEmulator();
        if (emulator != null && !emulator.isBlank()) return Optional.of(Path.of(emulator));
        String binary = defaultName(d);
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, binary);
            if (Files.isExecutable(candidate)) return Optional.of(candidate.toAbsolutePath());
        }
        return Optional.empty();
    }

    /** {@code qemu-system-ARCH} for the domain's architecture. */
    public static String defaultName(Domain d) {
        String arch = d.getOs() == null || d.getOs().getType() == null ? null : d.getOs().getType().getArch();
        if (arch == null || arch.isBlank()) return "qemu-system-x86_64";
        return "qemu-system-" + switch (arch) {
            case "i686", "i586", "i486", "i386" -> "i386";
            default -> arch;
        };
    }
}
