package dev.vireo.caps;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A firmware image as its QEMU firmware descriptor ({@code /usr/share/qemu/firmware/*.json}, the
 * format of QEMU's {@code docs/interop/firmware.json}) describes it.
 *
 * @param file          the descriptor file
 * @param interfaces    {@code interface-types}, e.g. {@code uefi}, {@code bios}
 * @param device        how it is mapped: {@code flash}, {@code memory} or {@code kernel}
 * @param executable    the image QEMU runs (the flash executable, or the memory/kernel file)
 * @param nvramTemplate the variable store a new guest copies (flash only), or {@code null}
 * @param format        the images' format ({@code raw}, {@code qcow2}); {@code raw} when unsaid
 * @param targets       which architectures and machine types it boots
 * @param features      e.g. {@code secure-boot}, {@code enrolled-keys}, {@code requires-smm}
 */
public record FirmwareDescriptor(String file, List<String> interfaces, String device, String executable,
                                 String nvramTemplate, String format, List<Target> targets, List<String> features) {

    /**
     * @param arch     e.g. {@code x86_64}
     * @param machines glob patterns such as {@code pc-q35-*}
     */
    public record Target(String arch, List<String> machines) {
        public Target {
            Objects.requireNonNull(arch, "arch");
            machines = List.copyOf(machines);
        }
    }

    public FirmwareDescriptor {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(executable, "executable");
        interfaces = List.copyOf(interfaces);
        targets = List.copyOf(targets);
        features = List.copyOf(features);
        if (format == null || format.isBlank()) format = "raw";
    }

    public boolean hasFeature(String feature) {
        return features.contains(feature);
    }

    /** Whether it boots {@code machine} (a versioned name such as {@code pc-q35-7.2}) on {@code arch}. */
    public boolean supports(String arch, String machine) {
        for (Target t : targets) {
            if (!t.arch().equals(arch)) continue;
            for (String glob : t.machines()) {
                if (FileSystems.getDefault().getPathMatcher("glob:" + glob).matches(Path.of(machine))) return true;
            }
        }
        return false;
    }
}
