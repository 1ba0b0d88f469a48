package dev.vireo.conf.check;

import dev.vireo.conf.SourcePositions;
import dev.vireo.conf.XmlProblem;
import dev.vireo.conf.model.CharDevice;
import dev.vireo.conf.model.CharTarget;
import dev.vireo.conf.model.CharTargetType;
import dev.vireo.conf.model.Controller;
import dev.vireo.conf.model.ControllerType;
import dev.vireo.conf.model.Domain;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The schema takes one list of {@code <target type>} for every character device and one list of
 * {@code <model name>} for every PCI controller; these checks hold each element to its own kinds,
 * as libvirt does, and name the ones allowed there.
 */
public final class TargetKindChecks {
    private static final Set<CharTargetType> SERIAL = EnumSet.of(CharTargetType.SERIAL, CharTargetType.ISA_SERIAL,
            CharTargetType.USB_SERIAL, CharTargetType.PCI_SERIAL, CharTargetType.SYSTEM_SERIAL);
    private static final Set<CharTargetType> CONSOLE = EnumSet.of(CharTargetType.SERIAL, CharTargetType.VIRTIO,
            CharTargetType.XEN, CharTargetType.UML, CharTargetType.LXC, CharTargetType.OPENVZ, CharTargetType.SCLP,
            CharTargetType.SCLPLM);
    private static final Set<CharTargetType> CHANNEL = EnumSet.of(CharTargetType.VIRTIO, CharTargetType.GUESTFWD,
            CharTargetType.XEN);
    /** The serial target type each serial {@code <model name>} needs. */
    private static final Map<String, CharTargetType> SERIAL_MODEL_TYPE = Map.of("isa-serial", CharTargetType.ISA_SERIAL,
            "usb-serial", CharTargetType.USB_SERIAL, "pci-serial", CharTargetType.PCI_SERIAL,
            "16550a", CharTargetType.SYSTEM_SERIAL, "pl011", CharTargetType.SYSTEM_SERIAL);
    /** The QEMU devices that may implement each PCI controller model. */
    private static final Map<String, Set<String>> PCI_MODEL_NAMES = Map.of(
            "pci-bridge", Set.of("pci-bridge"),
            "dmi-to-pci-bridge", Set.of("i82801b11-bridge"),
            "pcie-root-port", Set.of("pcie-root-port", "ioh3420"),
            "pcie-switch-upstream-port", Set.of("x3130-upstream"),
            "pcie-switch-downstream-port", Set.of("xio3130-downstream"),
            "pcie-to-pci-bridge", Set.of("pcie-pci-bridge"),
            "pci-expander-bus", Set.of("pxb"),
            "pcie-expander-bus", Set.of("pxb-pcie"));

    private final SourcePositions at;
    private final List<XmlProblem> problems = new ArrayList<>();

    private TargetKindChecks(SourcePositions at) {
        this.at = at;
    }

    public static List<XmlProblem> check(Domain d, SourcePositions at) {
        TargetKindChecks c = new TargetKindChecks(at);
        if (d.getDevices() == null) return c.problems;
        c.chars(d.getDevices().getSerials(), "serial", SERIAL);
        c.chars(d.getDevices().getConsoles(), "console", CONSOLE);
        c.chars(d.getDevices().getChannels(), "channel", CHANNEL);
        for (Controller ctl : d.getDevices().getControllers()) c.pciModel(ctl);
        return c.problems;
    }

    private void chars(List<CharDevice> devices, String element, Set<CharTargetType> allowed) {
        int n = 0;
        for (CharDevice dev : devices) {
            n++;
            CharTarget t = dev.getTarget();
            if (t == null) continue;
            String path = "/domain/devices/" + element + "[" + n + "]/target";
            if (t.getType() != null && !allowed.contains(t.getType())) {
                add(t, path, "<" + element + "> target type '" + t.getType().xml() + "' is not one of a " + element
                        + "'s; allowed: " + String.join(", ", allowed.stream().map(CharTargetType::xml).toList()));
            }
            if (t.getModel() != null && t.getModel().getName() != null) {
                CharTargetType needs = SERIAL_MODEL_TYPE.get(t.getModel().getName());
                if (!element.equals("serial")) {
                    add(t, path + "/model", "<" + element + "> target takes no <model>; only a <serial> target names its device");
                } else if (needs != null && t.getType() != null && t.getType() != needs && t.getType() != CharTargetType.SERIAL) {
                    add(t, path + "/model", "serial target model '" + t.getModel().getName() + "' needs target type '"
                            + needs.xml() + "', not '" + t.getType().xml() + "'");
                }
            }
        }
    }

    private void pciModel(Controller c) {
        if (c.getType() != ControllerType.PCI) {
            if (c.getPciModel() != null || c.getTarget() != null) {
                add(c, "/domain/devices/controller", "<model> and <target> belong to a PCI controller, not to a '"
                        + c.getType().xml() + "' controller");
            }
            return;
        }
        if (c.getModel() == null) {
            add(c, "/domain/devices/controller", "a PCI controller needs a model; allowed: pci-root, pcie-root, "
                    + "pcie-root-port, pci-bridge, pcie-to-pci-bridge, dmi-to-pci-bridge, pcie-switch-upstream-port, "
                    + "pcie-switch-downstream-port");
            return;
        }
        if (c.getPciModel() == null || c.getPciModel().getName() == null) return;
        Set<String> names = PCI_MODEL_NAMES.get(c.getModel());
        String name = c.getPciModel().getName();
        if (names == null) {
            add(c, "/domain/devices/controller/model", "a '" + c.getModel() + "' controller is the machine's own bus and takes no <model name>");
        } else if (!names.contains(name)) {
            add(c, "/domain/devices/controller/model", "<model name='" + name + "'> cannot implement a '" + c.getModel()
                    + "' controller; allowed: " + String.join(", ", names.stream().sorted().toList()));
        }
    }

    private void add(Object subject, String path, String message) {
        problems.add(at.problem(subject, path, message));
    }
}
