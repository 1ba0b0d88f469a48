package dev.vireo.command;

import dev.vireo.caps.Capability;
import dev.vireo.conf.model.Controller;
import dev.vireo.conf.model.PciControllerTarget;

/**
 * The PCI controllers a guest can be given ({@code <controller type='pci'>}): the machine's root
 * bus, which comes with the board, and the bridges and PCIe ports that each add bus
 * {@code pci.INDEX}, built as libvirt 9 builds them for QEMU 7.2.
 */
final class PciControllers {

    private PciControllers() {
    }

    /** The machine's own bus ({@code pci-root} of i440fx, {@code pcie-root} of Q35): no option. */
    static boolean isRoot(Controller c) {
        return c.getModel() == null || "pci-root".equals(c.getModel()) || "pcie-root".equals(c.getModel());
    }

    /** The QEMU bus id of the bus a PCI controller adds. */
    static String busId(int index) {
        return "pci." + index;
    }

    /** {@code -device} for a bridge or port, without its own address (the caller appends it). */
    static OptionString device(BuildContext ctx, Controller c) throws UnsupportedConfigurationException {
        int index = DiskNames.orZero(c.getIndex());
        String model = c.getModel();
        PciControllerTarget target = c.getTarget() == null ? new PciControllerTarget() : c.getTarget();
        String driver = c.getPciModel() != null && c.getPciModel().getName() != null ? c.getPciModel().getName()
                : defaultDriver(model, index);
        requireDevice(ctx, driver, index, model);
        OptionString o = new OptionString(driver);
        switch (model) {
            case "pci-bridge" -> o.add("chassis_nr", target.getChassisNr() == null ? index : target.getChassisNr());
            case "pcie-root-port", "pcie-switch-downstream-port" -> {
                o.add("port", port(target.getPort(), index));
                o.add("chassis", target.getChassis() == null ? index : target.getChassis());
            }
            case "pci-expander-bus", "pcie-expander-bus" -> o.add("bus_nr", busNr(target, index, model));
            default -> { }
        }
        o.add("id", busId(index));
        if (target.getNode() != null) o.add("numa_node", target.getNode());
        if (target.getHotplug() != null && !target.getHotplug()) {
            o.add("hotplug", "off");
        }
        return o;
    }

    private static String defaultDriver(String model, int index) throws UnsupportedConfigurationException {
        return switch (model) {
            case "pci-bridge" -> "pci-bridge";
            case "pcie-root-port" -> "pcie-root-port";
            case "pcie-to-pci-bridge" -> "pcie-pci-bridge";
            case "dmi-to-pci-bridge" -> "i82801b11-bridge";
            case "pcie-switch-upstream-port" -> "x3130-upstream";
            case "pcie-switch-downstream-port" -> "xio3130-downstream";
            case "pci-expander-bus" -> "pxb";
            case "pcie-expander-bus" -> "pxb-pcie";
            default -> throw new UnsupportedConfigurationException("<controller type='pci' index='" + index + "' model='"
                    + model + "'>: not supported; supported: pci-root, pcie-root, pci-bridge, pcie-root-port, "
                    + "pcie-to-pci-bridge, dmi-to-pci-bridge, pcie-switch-upstream-port, pcie-switch-downstream-port, "
                    + "pci-expander-bus, pcie-expander-bus");
        };
    }

    private static void requireDevice(BuildContext ctx, String driver, int index, String model) throws UnsupportedConfigurationException {
        boolean known = switch (driver) {
            case "pci-bridge" -> ctx.has(Capability.PCI_BRIDGE) || ctx.caps().hasDevice(driver);
            case "pcie-root-port" -> ctx.has(Capability.PCIE_ROOT_PORT) || ctx.caps().hasDevice(driver);
            case "pcie-pci-bridge" -> ctx.has(Capability.PCIE_PCI_BRIDGE) || ctx.caps().hasDevice(driver);
            default -> ctx.caps().hasDevice(driver);
        };
        if (!known) {
            throw new UnsupportedConfigurationException("<controller type='pci' index='" + index + "' model='" + model
                    + "'>: this QEMU binary has no device '" + driver + "'");
        }
    }

    /**
     * The first bus number behind an expander bus: QEMU has no default for it, and the stored
     * definition always has one (the defaults give 254, then 252, ... as libvirt 9 does).
     */
    private static int busNr(PciControllerTarget target, int index, String model) throws UnsupportedConfigurationException {
        if (target.getBusNr() == null) {
            throw new UnsupportedConfigurationException("<controller type='pci' index='" + index + "' model='" + model
                    + "'>: <target busNr> is missing");
        }
        return target.getBusNr();
    }

    /** The port number as libvirt's JSON writes it: decimal. The XML gives it in hex ({@code 0x10}) or decimal. */
    private static int port(String written, int index) throws UnsupportedConfigurationException {
        if (written == null) {
            return 0;
        }
        try {
            String s = written.strip();
            return s.startsWith("0x") || s.startsWith("0X") ? Integer.parseInt(s.substring(2), 16) : Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw new UnsupportedConfigurationException("<controller type='pci' index='" + index + "'><target port='"
                    + written + "'>: not a number");
        }
    }
}
