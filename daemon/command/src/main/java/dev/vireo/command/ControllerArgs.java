package dev.vireo.command;

import dev.vireo.caps.Capability;
import dev.vireo.conf.model.Controller;
import dev.vireo.conf.model.ControllerType;
import java.util.List;

/**
 * {@code -device} for each controller, USB first, then SCSI, SATA, virtio-serial and CCID (the
 * order libvirt uses, so that buses exist before the devices that plug into them). IDE and floppy
 * controllers are part of the board and get no option.
 */
final class ControllerArgs {

    private static final List<ControllerType> ORDER = List.of(ControllerType.USB, ControllerType.SCSI,
            ControllerType.SATA, ControllerType.VIRTIO_SERIAL, ControllerType.CCID);

    private ControllerArgs() {
    }

    static void write(BuildContext ctx, ArgvWriter out) throws UnsupportedConfigurationException {
        for (Controller c : ctx.controllers()) {
            // libvirt 9 takes <driver> only on virtio-scsi (ScsiControllerDriver); nothing here may drop it
            if (c.getDriver() != null && c.getType() != ControllerType.SCSI) {
                throw new UnsupportedConfigurationException("<controller type='" + c.getType().xml() + "' index='"
                        + DiskNames.orZero(c.getIndex()) + "'>: <driver> settings are only supported by a virtio-scsi controller");
            }
            if (c.getDriver() != null && !ctx.modern()) {
                throw new UnsupportedConfigurationException("<controller type='scsi' index='" + DiskNames.orZero(c.getIndex())
                        + "'>: <driver> settings are supported with QEMU 4.2 or later");
            }
        }
        if (UsbLayout.disabled(ctx)) {
            for (Controller c : ctx.controllers()) {
                if (c.getType() == ControllerType.USB && !"none".equals(c.getModel())) {
                    throw new UnsupportedConfigurationException("USB controller " + DiskNames.orZero(c.getIndex())
                            + ": USB is disabled for this domain (a USB controller has model 'none'), so no other "
                            + "USB controller can be defined");
                }
            }
        }
        if (!ctx.usesDevice()) {
            for (Controller c : ctx.controllers()) {
                if (c.getType() == ControllerType.PCI && !PciControllers.isRoot(c)) {
                    throw new UnsupportedConfigurationException("<controller type='pci' index='" + DiskNames.orZero(c.getIndex())
                            + "' model='" + c.getModel() + "'>: PCI bridges and ports need -device, which this QEMU binary "
                            + "lacks (capability 'device')");
                }
            }
            return;
        }
        pciControllers(ctx, out);
        boolean legacyUsbSeen = false;
        for (ControllerType type : ORDER) {
            for (Controller c : ctx.controllers()) {
                if (c.getType() != type) {
                    continue;
                }
                if (type == ControllerType.USB) {
                    if ("none".equals(c.getModel())) {
                        continue;
                    }
                    if (UsbLayout.isLegacy(ctx, c)) {
                        if (legacyUsbSeen) {
                            throw new UnsupportedConfigurationException("several USB controllers without a model: "
                                    + "this QEMU binary can only offer one legacy USB controller (capability "
                                    + "'piix3-usb-uhci' is missing)");
                        }
                        legacyUsbSeen = true;
                        continue;
                    }
                }
                if (builtInSata(ctx, c)) {
                    continue;
                }
                if (type == ControllerType.SATA && !ctx.has(Capability.ICH9_AHCI)) {
                    throw new UnsupportedConfigurationException("SATA controller " + DiskNames.orZero(c.getIndex())
                            + ": SATA is not supported with this QEMU binary (capability 'ich9-ahci')");
                }
                out.option("-device", device(ctx, c));
            }
        }
    }

    /**
     * Bridges and PCIe ports come first, by index, so that each bus exists before what plugs into
     * it (libvirt stores a bridge's index above that of the bus it sits on).
     */
    private static void pciControllers(BuildContext ctx, ArgvWriter out) throws UnsupportedConfigurationException {
        List<Controller> pci = ctx.controllers().stream()
                .filter(c -> c.getType() == ControllerType.PCI && !PciControllers.isRoot(c))
                .sorted(java.util.Comparator.comparingInt(c -> DiskNames.orZero(c.getIndex())))
                .toList();
        for (Controller c : pci) {
            OptionString option = PciControllers.device(ctx, c);
            DeviceAddressOption.append(ctx, option, c);
            out.option("-device", option.toString());
        }
    }

    /** The SATA controller 0 of a Q35 machine is part of the board (the ICH9's AHCI): no option. */
    static boolean builtInSata(BuildContext ctx, Controller c) {
        return c.getType() == ControllerType.SATA && DiskNames.orZero(c.getIndex()) == 0 && ctx.isQ35();
    }

    private static String device(BuildContext ctx, Controller c) throws UnsupportedConfigurationException {
        int index = DiskNames.orZero(c.getIndex());
        OptionString option = switch (c.getType()) {
            case SCSI -> ScsiControllerDriver.device(ctx, c, index);
            case SATA -> new OptionString("ahci").add("id", SataBus.controllerId(ctx, index));
            case VIRTIO_SERIAL -> virtioSerial(ctx, c, index);
            case CCID -> new OptionString("usb-ccid").add("id", "ccid" + index);
            case USB -> usb(ctx, c, index);
            case IDE, FDC -> throw new IllegalStateException("board controllers have no -device");
            case PCI -> throw new IllegalStateException("PCI controllers are written by pciControllers");
        };
        DeviceAddressOption.append(ctx, option, c);
        return option.toString();
    }

    private static OptionString virtioSerial(BuildContext ctx, Controller c, int index) {
        OptionString option = new OptionString(ctx.onS390VirtioBus(c) ? "virtio-serial-s390" : "virtio-serial-pci")
                .add("id", "virtio-serial" + index);
        if (c.getPorts() != null) {
            option.add("max_ports", c.getPorts());
        }
        if (c.getVectors() != null) {
            option.add("vectors", c.getVectors());
        }
        return option;
    }

    private static OptionString usb(BuildContext ctx, Controller c, int index) throws UnsupportedConfigurationException {
        UsbControllerModel model = UsbControllerModel.of(ctx, c);
        if (!ctx.has(model.capability())) {
            throw new UnsupportedConfigurationException("USB controller " + index + ": " + model.qemuDevice()
                    + " is not supported by this QEMU binary (capability '" + model.capability().flagName() + "')");
        }
        OptionString option = new OptionString(model.qemuDevice());
        if (c.getMaster() != null) {
            // A companion controller serves the ports of its EHCI master's bus.
            option.add("masterbus", UsbBus.id(index) + ".0")
                    .add("firstport", DiskNames.orZero(c.getMaster().getStartport()));
        } else {
            if (c.getPorts() != null && model.isXhci()) {
                option.add("p2", c.getPorts()).add("p3", c.getPorts());
            }
            option.add("id", UsbBus.id(index));
        }
        return option;
    }
}
