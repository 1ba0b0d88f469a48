package dev.vireo.caps;

import dev.vireo.conf.MachineTypes;
import static dev.vireo.caps.Capability.*;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Turns the replies of a QMP probe ({@link QmpReplies}, live or recorded) into what Vireo keeps: the
 * version, a {@link DeviceCatalog} for {@link DeviceRules} (the same rules as for a {@code -device help}
 * listing, so each device flag has one definition), the flags only QMP can tell, and the
 * {@link EmulatorDetails}.
 *
 * <p>The flags keep libvirt's names and meanings: a device type's presence ({@code qemu-xhci}, ...),
 * a command's ({@code transaction}, {@code block-commit}, ...) and combinations that say a feature
 * is complete: {@code incremental-backup} needs the dirty-bitmap commands, {@code blockdev-backup} and
 * {@code query-named-block-nodes}. ({@code blockdev} has one definition, in {@link HelpParser}: the
 * {@code -blockdev} option from QEMU 4.2 on.)
 */
public final class QmpCapsParser {

    /** What a probe's replies give. */
    public record Result(int version, DeviceCatalog devices, Set<Capability> flags, EmulatorDetails details) {
    }

    private static final Map<String, Capability> COMMAND_FLAGS = Map.ofEntries(
            Map.entry("system_wakeup", SYSTEM_WAKEUP),
            Map.entry("transaction", TRANSACTION),
            Map.entry("block-stream", BLOCK_JOB_ASYNC),
            Map.entry("dump-guest-memory", DUMP_GUEST_MEMORY),
            Map.entry("block-commit", BLOCK_COMMIT),
            Map.entry("drive-mirror", DRIVE_MIRROR),
            Map.entry("blockdev-snapshot-sync", BLOCKDEV_SNAPSHOT_SYNC),
            Map.entry("add-fd", ADD_FD),
            Map.entry("nbd-server-start", NBD_SERVER),
            Map.entry("query-hotpluggable-cpus", QUERY_HOTPLUGGABLE_CPUS),
            Map.entry("query-cpu-definitions", QUERY_CPU_DEFINITIONS),
            Map.entry("blockdev-reopen", BLOCKDEV_REOPEN),
            Map.entry("block-export-add", BLOCK_EXPORT_ADD));

    /**
     * Device types whose presence gives a flag, under the names libvirt 9 gives them. Only binaries
     * probed over QMP get these: the help-text rules are libvirt 0.10's, which knew none of them.
     */
    private static final Map<String, Capability> DEVICE_FLAGS = Map.ofEntries(
            Map.entry("pvpanic", PVPANIC),
            Map.entry("usb-storage", USB_STORAGE),
            Map.entry("ich9-intel-hda", ICH9_INTEL_HDA),
            Map.entry("usb-kbd", USB_KBD),
            Map.entry("rtl8139", RTL8139),
            Map.entry("e1000", E1000),
            Map.entry("virtio-net-pci", VIRTIO_NET),
            Map.entry("virtio-gpu-pci", VIRTIO_GPU),
            Map.entry("virtio-keyboard-pci", VIRTIO_KEYBOARD),
            Map.entry("virtio-mouse-pci", VIRTIO_MOUSE),
            Map.entry("virtio-tablet-pci", VIRTIO_TABLET),
            Map.entry("virtio-vga", VIRTIO_VGA),
            Map.entry("pcie-root-port", PCIE_ROOT_PORT),
            Map.entry("qemu-xhci", QEMU_XHCI),
            Map.entry("isa-serial", ISA_SERIAL),
            Map.entry("pcie-pci-bridge", PCIE_PCI_BRIDGE),
            Map.entry("tpm-crb", TPM_CRB),
            Map.entry("vhost-vsock-pci", VHOST_VSOCK),
            Map.entry("bochs-display", BOCHS_DISPLAY),
            Map.entry("ramfb", RAMFB),
            Map.entry("virtio-rng-pci", VIRTIO_RNG),
            Map.entry("pci-bridge", PCI_BRIDGE),
            Map.entry("megasas", MEGASAS));

    private QmpCapsParser() {
    }

    /** @throws IllegalArgumentException when a reply lacks what every QEMU sends */
    public static Result parse(QmpReplies r) {
        int version = version(r.version());
        DeviceCatalog catalog = catalogOf(r.deviceTypes());
        Map<String, Set<String>> properties = new LinkedHashMap<>();
        r.deviceProperties().forEach((device, reply) -> {
            Set<String> names = new LinkedHashSet<>();
            for (JsonNode p : reply) names.add(p.path("name").asText());
            properties.put(device, names);
            catalog.propertiesListed(device).addAll(names);
        });
        List<MachineTypes.Machine> machines = machines(r.machines());
        Set<String> accelerators = accelerators(r);
        Set<Capability> flags = flags(version, r, catalog, machines, accelerators);
        Set<String> devices = new TreeSet<>(names(r.deviceTypes()));
        List<HostCpu> hostCpus = new ArrayList<>();
        r.hostCpus().forEach((accel, replies) -> {
            if (accelerators.contains(accel)) HostCpuChoice.choose(accel, replies).ifPresent(hostCpus::add);
        });
        EmulatorDetails details = new EmulatorDetails(accelerators, machines, devices, properties,
                cpuModels(r.cpuDefinitions()), List.of(), hostCpus);
        return new Result(version, catalog, flags, details);
    }

    /** Every flag {@link #parse} may set (the rest come from the help text and the device rules). */
    public static Set<Capability> flagsItCanSet() {
        EnumSet<Capability> all = EnumSet.copyOf(COMMAND_FLAGS.values());
        all.addAll(DEVICE_FLAGS.values());
        all.addAll(List.of(INCREMENTAL_BACKUP, CPU_MAX, TCG, TPM_EMULATOR, RNG_RANDOM, RNG_EGD));
        return all;
    }

    static DeviceCatalog catalogOf(JsonNode deviceTypes) {
        DeviceCatalog catalog = new DeviceCatalog();
        for (String name : names(deviceTypes)) catalog.addDevice(name);
        return catalog;
    }

    private static int version(JsonNode v) {
        JsonNode q = v.path("qemu");
        if (!q.path("major").isInt() || !q.path("minor").isInt() || !q.path("micro").isInt()) {
            throw new IllegalArgumentException("query-version answered without qemu.major/minor/micro: " + v);
        }
        return q.path("major").asInt() * 1_000_000 + q.path("minor").asInt() * 1000 + q.path("micro").asInt();
    }

    /** Sorted by name, so that documents and goldens do not follow QEMU's hash order. */
    private static List<MachineTypes.Machine> machines(JsonNode reply) {
        List<MachineTypes.Machine> machines = new ArrayList<>();
        for (JsonNode m : reply) {
            machines.add(new MachineTypes.Machine(m.path("name").asText(), m.path("alias").asText(null),
                    m.path("is-default").asBoolean(false), m.path("cpu-max").asInt(0), m.path("deprecated").asBoolean(false)));
        }
        machines.sort(Comparator.comparing(MachineTypes.Machine::name));
        return machines;
    }

    /** TCG when built in; KVM when built in, present on the host, and the KVM probe answered. */
    private static Set<String> accelerators(QmpReplies r) {
        Set<String> types = new HashSet<>(names(r.acceleratorTypes()));
        Set<String> accels = new LinkedHashSet<>();
        if (types.contains("tcg-accel")) accels.add("tcg");
        if (types.contains("kvm-accel") && r.kvm() != null && r.kvm().path("present").asBoolean(false)
                && r.cpuDefinitions().containsKey("kvm")) {
            accels.add("kvm");
        }
        return accels;
    }

    private static Set<Capability> flags(int version, QmpReplies r, DeviceCatalog devices, List<MachineTypes.Machine> machines,
                                         Set<String> accelerators) {
        Set<String> commands = new HashSet<>(names(r.commands()));
        EnumSet<Capability> f = EnumSet.noneOf(Capability.class);
        DEVICE_FLAGS.forEach((device, flag) -> {
            if (devices.hasDevice(device)) f.add(flag);
        });
        COMMAND_FLAGS.forEach((command, flag) -> {
            if (commands.contains(command)) f.add(flag);
        });
        if (commands.containsAll(List.of("block-dirty-bitmap-add", "block-dirty-bitmap-merge", "blockdev-backup",
                "query-named-block-nodes"))) {
            f.add(INCREMENTAL_BACKUP);
        }
        if (machines.stream().anyMatch(m -> m.maxCpus() > 0)) f.add(CPU_MAX);
        if (accelerators.contains("tcg")) f.add(TCG);
        // The rng-random and rng-egd backends are objects, not devices (qom-list-types implements=device
        // does not list them); they came with virtio-rng-pci in QEMU 1.3 and every build with the
        // device has them.
        if (f.contains(VIRTIO_RNG)) {
            f.add(RNG_RANDOM);
            f.add(RNG_EGD);
        }
        if (r.tpmTypes() != null) {
            for (JsonNode t : r.tpmTypes()) if (t.asText().equals("emulator")) f.add(TPM_EMULATOR);
        }
        return f;
    }

    private static List<CpuModel> cpuModels(Map<String, JsonNode> byAccel) {
        List<CpuModel> models = new ArrayList<>();
        byAccel.forEach((accel, reply) -> {
            List<CpuModel> these = new ArrayList<>();
            for (JsonNode c : reply) {
                List<String> blockers = new ArrayList<>();
                for (JsonNode b : c.path("unavailable-features")) blockers.add(b.asText());
                these.add(new CpuModel(c.path("name").asText(), accel, blockers, c.path("deprecated").asBoolean(false)));
            }
            these.sort(Comparator.comparing(CpuModel::name));
            models.addAll(these);
        });
        return models;
    }

    private static List<String> names(JsonNode array) {
        List<String> names = new ArrayList<>();
        if (array == null) return names;
        for (JsonNode n : array) {
            String name = n.path("name").asText("");
            if (!name.isEmpty()) names.add(name);
        }
        return names;
    }
}
