package dev.vireo.command;

import dev.vireo.conf.model.Controller;

/**
 * The names controllers are known by, as libvirt 9 shows them in a running guest's live XML: the
 * id of the bus or device the command line gives them. The PCI root is the machine's bus
 * ({@code pcie.0} on Q35, {@code pci.0} on i440fx), a bridge or port its bus {@code pci.N}; USB
 * controller 0 is {@code usb} (its companion controllers share the name); the board's first IDE
 * controller and Q35's built-in SATA controller are {@code ide}; an added AHCI is {@code sataN};
 * SCSI {@code scsiN}, virtio-serial {@code virtio-serialN}, CCID {@code ccidN}, floppy {@code fdcN}.
 */
final class ControllerAliases {

    private ControllerAliases() {
    }

    static String of(BuildContext ctx, Controller c) {
        int index = DiskNames.orZero(c.getIndex());
        return switch (c.getType()) {
            case PCI -> PciControllers.isRoot(c) ? ctx.pciBusName(0) : PciControllers.busId(index);
            case USB -> UsbBus.id(index);
            case IDE -> index == 0 ? "ide" : "ide" + index;
            case SATA -> ControllerArgs.builtInSata(ctx, c) ? "ide" : SataBus.controllerId(ctx, index);
            case SCSI -> "scsi" + index;
            case VIRTIO_SERIAL -> "virtio-serial" + index;
            case CCID -> "ccid" + index;
            case FDC -> "fdc" + index;
        };
    }
}
