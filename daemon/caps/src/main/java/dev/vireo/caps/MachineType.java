package dev.vireo.caps;

import java.util.Objects;

/**
 * One machine type an emulator offers ({@code query-machines}).
 *
 * @param name       the versioned name, e.g. {@code pc-i440fx-7.2}
 * @param alias      the short name that stands for it, e.g. {@code pc}, or {@code null}
 * @param isDefault  whether the emulator uses it when no {@code -machine} is given
 * @param maxCpus    the most vCPUs it takes ({@code cpu-max})
 * @param deprecated whether QEMU marks it deprecated (it still runs)
 */
public record MachineType(String name, String alias, boolean isDefault, int maxCpus, boolean deprecated) {
    public MachineType {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) throw new IllegalArgumentException("a machine type needs a name");
        if (alias != null && alias.isBlank()) alias = null;
        if (maxCpus < 0) throw new IllegalArgumentException("maxCpus must not be negative: " + maxCpus);
    }

    /** Whether {@code requested} names this machine type, by its name or its alias. */
    public boolean answersTo(String requested) {
        return name.equals(requested) || requested.equals(alias);
    }
}
