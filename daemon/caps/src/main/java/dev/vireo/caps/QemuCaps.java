package dev.vireo.caps;

import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * What one emulator binary can do: its version numbers and libvirt's capability flags.
 *
 * @param emulator   the binary's path as given (not resolved), e.g. {@code /usr/bin/qemu-system-x86_64}
 * @param version    {@code major*1000000 + minor*1000 + micro}, e.g. 1002000 for QEMU 1.2.0
 * @param kvmVersion the old kvm-NN release number from the version line ({@code (kvm-85)}), else 0
 * @param kvm        whether the binary is a qemu-kvm / kvm build (its version line says so)
 * @param flags      the capabilities; iterates in libvirt's order; unmodifiable
 */
public record QemuCaps(String emulator, int version, int kvmVersion, boolean kvm, Set<Capability> flags) {

    public QemuCaps {
        Objects.requireNonNull(emulator, "emulator");
        if (version < 0) throw new IllegalArgumentException("version must not be negative: " + version);
        if (kvmVersion < 0) throw new IllegalArgumentException("kvmVersion must not be negative: " + kvmVersion);
        flags = Collections.unmodifiableSet(copyOf(flags));
    }

    /** Capabilities for tests and {@code --caps} documents: version numbers unknown (0), not KVM. */
    public static QemuCaps of(String emulator, Capability... flags) {
        return new QemuCaps(emulator, 0, 0, false, copyOf(List.of(flags)));
    }

    public boolean has(Capability capability) {
        return flags.contains(capability);
    }

    /** The same binary with {@code more} flags added. */
    public QemuCaps with(Capability... more) {
        EnumSet<Capability> all = copyOf(flags);
        Collections.addAll(all, more);
        return new QemuCaps(emulator, version, kvmVersion, kvm, all);
    }

    /** The same binary without {@code fewer}. */
    public QemuCaps without(Capability... fewer) {
        EnumSet<Capability> all = copyOf(flags);
        for (Capability c : fewer) all.remove(c);
        return new QemuCaps(emulator, version, kvmVersion, kvm, all);
    }

    /** {@code 1.2.0} for 1002000. */
    public String versionString() {
        return (version / 1_000_000) + "." + (version / 1000 % 1000) + "." + (version % 1000);
    }

    private static EnumSet<Capability> copyOf(Collection<Capability> flags) {
        EnumSet<Capability> copy = EnumSet.noneOf(Capability.class);
        copy.addAll(Objects.requireNonNull(flags, "flags"));
        return copy;
    }
}
