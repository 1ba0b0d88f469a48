package dev.vireo.caps;

import dev.vireo.conf.MachineTypes;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What one emulator binary can do: its version numbers, libvirt's capability flags, and for a modern
 * binary probed over QMP the {@link EmulatorDetails} (machine types, devices and their properties,
 * CPU models, accelerators, firmware).
 *
 * @param emulator   the binary's path as given (not resolved), e.g. {@code /usr/bin/qemu-system-x86_64}
 * @param version    {@code major*1000000 + minor*1000 + micro}, e.g. 1002000 for QEMU 1.2.0
 * @param kvmVersion the old kvm-NN release number from the version line ({@code (kvm-85)}), else 0
 * @param kvm        whether the binary is a qemu-kvm / kvm build (its version line says so)
 * @param flags      the capabilities; iterates in libvirt's order; unmodifiable
 * @param details    {@link EmulatorDetails#NONE} when not known
 */
public record QemuCaps(String emulator, int version, int kvmVersion, boolean kvm, Set<Capability> flags,
                       EmulatorDetails details) {

    public QemuCaps {
        Objects.requireNonNull(emulator, "emulator");
        Objects.requireNonNull(details, "details");
        if (version < 0) throw new IllegalArgumentException("version must not be negative: " + version);
        if (kvmVersion < 0) throw new IllegalArgumentException("kvmVersion must not be negative: " + kvmVersion);
        flags = Collections.unmodifiableSet(copyOf(flags));
    }

    /** A binary known by its flags alone (help-text probing, older documents). */
    public QemuCaps(String emulator, int version, int kvmVersion, boolean kvm, Set<Capability> flags) {
        this(emulator, version, kvmVersion, kvm, flags, EmulatorDetails.NONE);
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
        return new QemuCaps(emulator, version, kvmVersion, kvm, all, details);
    }

    /** The same binary without {@code fewer}. */
    public QemuCaps without(Capability... fewer) {
        EnumSet<Capability> all = copyOf(flags);
        for (Capability c : fewer) all.remove(c);
        return new QemuCaps(emulator, version, kvmVersion, kvm, all, details);
    }

    /** The same facts reported under another path (the spelling a caller used). */
    public QemuCaps at(String path) {
        return path.equals(emulator) ? this : new QemuCaps(path, version, kvmVersion, kvm, flags, details);
    }

    /** {@code 1.2.0} for 1002000. */
    public String versionString() {
        return (version / 1_000_000) + "." + (version / 1000 % 1000) + "." + (version % 1000);
    }

    /** The machine types, or an empty list when they are not known (then nothing is refused by name). */
    public List<MachineTypes.Machine> machines() {
        return details.machines();
    }

    /** The machine types for the domain defaults ({@code dev.vireo.conf.EmulatorFacts}), or null when not known. */
    public MachineTypes machineTypes() {
        return machines().isEmpty() ? null : new MachineTypes(machines());
    }

    /** The machine type used when none is asked for, when known. */
    public Optional<MachineTypes.Machine> defaultMachine() {
        return machines().stream().filter(MachineTypes.Machine::isDefault).findFirst();
    }

    /**
     * The versioned name {@code machine} stands for: {@code pc} -> {@code pc-i440fx-7.2}, a versioned
     * name -> itself; empty when the binary has no such machine type or its machine types are unknown.
     */
    public Optional<String> canonicalMachine(String machine) {
        MachineTypes types = machineTypes();
        return types != null && types.knows(machine) ? Optional.of(types.canonical(machine)) : Optional.empty();
    }

    /**
     * The versioned name of {@code machine}, or {@code machine} itself when the machine types are not
     * known (a help-probed binary, a {@code <qemuCaps>} document without them).
     *
     * @throws UnsupportedMachineException naming the machine, this emulator and the closest machine types it has
     */
    public String requireMachine(String machine) throws UnsupportedMachineException {
        if (machines().isEmpty()) return machine;
        Optional<String> canonical = canonicalMachine(machine);
        if (canonical.isPresent()) return canonical.get();
        throw new UnsupportedMachineException(machine, emulator, MachineMatcher.closest(machine, machines()));
    }

    /** Whether the binary has device type {@code device}; false when its devices are not known. */
    public boolean hasDevice(String device) {
        return details.devices().contains(device);
    }

    /** The property names of {@code device} that were probed, or an empty set. */
    public Set<String> deviceProperties(String device) {
        return details.deviceProperties().getOrDefault(device, Set.of());
    }

    /** The CPU models as known under {@code accel} ({@code tcg} or {@code kvm}). */
    public List<CpuModel> cpuModels(String accel) {
        return details.cpuModels().stream().filter(c -> c.accel().equals(accel)).toList();
    }

    /** The host-model CPU under {@code accel}, when the probe described one. */
    public Optional<HostCpu> hostCpu(String accel) {
        return details.hostCpus().stream().filter(c -> c.accel().equals(accel)).findFirst();
    }

    /** The accelerators that work with this binary here ({@code tcg}, {@code kvm}). */
    public Set<String> accelerators() {
        return details.accelerators();
    }

    /** The host's firmware descriptors, ranked. */
    public List<FirmwareDescriptor> firmware() {
        return details.firmware();
    }

    private static EnumSet<Capability> copyOf(Collection<Capability> flags) {
        EnumSet<Capability> copy = EnumSet.noneOf(Capability.class);
        copy.addAll(Objects.requireNonNull(flags, "flags"));
        return copy;
    }
}
