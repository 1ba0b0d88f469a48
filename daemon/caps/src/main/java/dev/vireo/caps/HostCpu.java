package dev.vireo.caps;

import java.util.List;
import java.util.Objects;

/**
 * The host-model CPU of one accelerator: the named CPU model closest to what the emulator's
 * {@code max} CPU is under that accelerator, and the feature differences that make the model that
 * CPU (see {@link HostCpuChoice} for how the model is chosen).
 *
 * @param accel    the accelerator ({@code tcg} or {@code kvm})
 * @param model    the model name {@code -cpu} takes, e.g. {@code EPYC}
 * @param vendor   the CPU vendor as libvirt names it ({@code AMD}, {@code Intel}, ...), or the raw
 *                 CPUID vendor string when it is none of those
 * @param features the differences in QEMU's spelling: enabled ones first, then disabled ones,
 *                 each group sorted by name
 */
public record HostCpu(String accel, String model, String vendor, List<Feature> features) {

    /** One feature the model lacks ({@code enabled}) or has and must lose ({@code !enabled}). */
    public record Feature(String name, boolean enabled) {
        public Feature {
            Objects.requireNonNull(name, "name");
        }
    }

    public HostCpu {
        Objects.requireNonNull(accel, "accel");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(vendor, "vendor");
        features = List.copyOf(features);
    }
}
