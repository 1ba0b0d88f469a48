package dev.vireo.caps;

import java.util.List;
import java.util.Objects;

/**
 * One CPU model as {@code query-cpu-definitions} describes it under one accelerator.
 *
 * @param name       the model name {@code -cpu} takes, e.g. {@code Skylake-Client}
 * @param accel      the accelerator the emulator ran with when asked ({@code tcg} or {@code kvm})
 * @param blockers   the features that accelerator cannot provide ({@code unavailable-features});
 *                   empty when the model is usable
 * @param deprecated whether QEMU marks the model deprecated
 */
public record CpuModel(String name, String accel, List<String> blockers, boolean deprecated) {
    public CpuModel {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(accel, "accel");
        blockers = List.copyOf(blockers);
    }

    /** Whether a guest can run this model under {@link #accel()}. */
    public boolean usable() {
        return blockers.isEmpty();
    }
}
