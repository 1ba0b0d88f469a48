package dev.vireo.caps;

import dev.vireo.conf.MachineTypes;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a modern emulator tells over QMP beyond flags, plus the host's firmware descriptors: the
 * facts the command builder and the domain defaults need by name. Empty for binaries probed through
 * {@code -help} alone and for {@code <qemuCaps>} documents without these elements.
 *
 * @param accelerators     accelerators that work with this binary on this host ({@code tcg}, {@code kvm})
 * @param machines         machine types, in the emulator's order
 * @param devices          device type names ({@code qom-list-types} of {@code device}, not abstract)
 * @param deviceProperties property names of the devices that were asked about (see {@code QmpProbe})
 * @param cpuModels        CPU models, per accelerator
 * @param firmware         firmware descriptors, in the order QEMU's rules rank them (file name)
 * @param hostCpus         the host-model CPU of each accelerator that has one
 */
public record EmulatorDetails(Set<String> accelerators, List<MachineTypes.Machine> machines, Set<String> devices,
                              Map<String, Set<String>> deviceProperties, List<CpuModel> cpuModels,
                              List<FirmwareDescriptor> firmware, List<HostCpu> hostCpus) {

    public static final EmulatorDetails NONE = new EmulatorDetails(Set.of(), List.of(), Set.of(), Map.of(), List.of(), List.of());

    public EmulatorDetails {
        accelerators = Collections.unmodifiableSet(new LinkedHashSet<>(accelerators));
        machines = List.copyOf(machines);
        devices = Collections.unmodifiableSet(new LinkedHashSet<>(devices));
        Map<String, Set<String>> props = new LinkedHashMap<>();
        deviceProperties.forEach((d, p) -> props.put(d, Collections.unmodifiableSet(new LinkedHashSet<>(p))));
        deviceProperties = Collections.unmodifiableMap(props);
        cpuModels = List.copyOf(cpuModels);
        firmware = List.copyOf(firmware);
        hostCpus = List.copyOf(hostCpus);
    }

    /** Details without host-model CPUs. */
    public EmulatorDetails(Set<String> accelerators, List<MachineTypes.Machine> machines, Set<String> devices,
                           Map<String, Set<String>> deviceProperties, List<CpuModel> cpuModels,
                           List<FirmwareDescriptor> firmware) {
        this(accelerators, machines, devices, deviceProperties, cpuModels, firmware, List.of());
    }

    /** The same facts with other firmware descriptors (the host's, read apart from the binary). */
    public EmulatorDetails withFirmware(List<FirmwareDescriptor> descriptors) {
        return new EmulatorDetails(accelerators, machines, devices, deviceProperties, cpuModels, descriptors, hostCpus);
    }
}
