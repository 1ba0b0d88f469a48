package dev.vireo.conf;

import java.util.List;
import java.util.Objects;

/**
 * The machine types an emulator binary offers, as its QMP {@code query-machines} lists them (the
 * capability probe in {@code dev.vireo.caps} is their one source): libvirt 9
 * stores a definition with the versioned name an alias stands for ({@code q35} becomes
 * {@code pc-q35-7.2}) and gives a domain without a machine the binary's default.
 */
public record MachineTypes(List<Machine> machines) {

    /**
     * One listed machine: its name, the short name that stands for it (or null), whether it is the
     * default, the most vCPUs it takes (0 when unknown) and whether QEMU deprecates it.
     */
    public record Machine(String name, String alias, boolean isDefault, int maxCpus, boolean deprecated) {
        public Machine {
            Objects.requireNonNull(name, "name");
            if (name.isBlank()) throw new IllegalArgumentException("a machine type needs a name");
            if (alias != null && alias.isBlank()) alias = null;
            if (maxCpus < 0) throw new IllegalArgumentException("maxCpus must not be negative: " + maxCpus);
        }

        public Machine(String name, String alias, boolean isDefault) {
            this(name, alias, isDefault, 0, false);
        }
    }

    public MachineTypes {
        machines = List.copyOf(machines);
    }

    /** The name libvirt 9 stores for {@code requested}: the machine an alias stands for, else the name itself. */
    public String canonical(String requested) {
        for (Machine m : machines) {
            if (requested.equals(m.alias())) return m.name();
        }
        return requested;
    }

    /** The binary's default machine, or null when it marks none. */
    public String defaultMachine() {
        return machines.stream().filter(Machine::isDefault).map(Machine::name).findFirst().orElse(null);
    }

    /** Whether {@code name} is one of the listed machines (or their aliases). */
    public boolean knows(String name) {
        return machines.stream().anyMatch(m -> name.equals(m.name()) || name.equals(m.alias()));
    }
}
