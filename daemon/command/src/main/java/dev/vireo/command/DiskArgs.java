package dev.vireo.command;

import dev.vireo.caps.Capability;
import dev.vireo.command.storage.BlockdevNodes;
import dev.vireo.command.storage.DiskStorage;
import dev.vireo.command.storage.FdSet;
import dev.vireo.command.storage.JsonText;
import dev.vireo.command.storage.PassedFd;
import dev.vireo.conf.model.Disk;
import dev.vireo.conf.model.DiskBus;
import dev.vireo.conf.model.DiskDevice;
import java.util.Map;
import java.util.Optional;

/**
 * The disks. With {@code -blockdev} (capability {@code blockdev}), each local image is rendered
 * from the storage plan as a storage and a format node ({@link BlockdevNodes}), the fd sets the
 * daemon filled announced first with {@code -add-fd}, and the guest device attached to the top
 * node; network and folder disks keep {@code -drive if=none}. Without it, {@code -drive} (plus
 * {@code -device} or a floppy-controller {@code -global}) when the emulator has {@code -drive},
 * else the legacy {@code -hda}, {@code -cdrom}, {@code -fda} options.
 */
final class DiskArgs {

    private DiskArgs() {
    }

    static void write(BuildContext ctx, ArgvWriter out) throws UnsupportedConfigurationException {
        for (Disk disk : ctx.disks()) {
            String driverName = disk.getDriver() == null ? null : disk.getDriver().getName();
            if (driverName != null && !driverName.equals("qemu")) {
                throw new UnsupportedConfigurationException("disk '" + DiskNames.dev(disk) + "': driver name '"
                        + driverName + "' is not supported; allowed: qemu");
            }
            DiskDeviceOption.checkVirtioProperties(ctx, disk);
        }
        if (ctx.has(Capability.DRIVE)) {
            drives(ctx, out);
        } else {
            legacy(ctx, out);
        }
    }

    private static void drives(BuildContext ctx, ArgvWriter out) throws UnsupportedConfigurationException {
        if (ctx.blockdev()) {
            announceFdSets(ctx, out);
        }
        BootPlan plan = ctx.boot();
        int bootCdrom = plan.firstCdrom();
        int bootFloppy = plan.firstFloppy();
        int bootDisk = plan.firstDisk();
        for (Disk disk : ctx.disks()) {
            DiskBus bus = DiskNames.bus(disk);
            if (bus == DiskBus.USB && !ctx.usesDevice()) {
                usbDisk(disk, out);
                continue;
            }
            // The first disk of each boot device kind takes that kind's place in the boot order.
            int bootindex = switch (DiskNames.device(disk)) {
                case CDROM -> { int b = bootCdrom; bootCdrom = 0; yield b; }
                case FLOPPY -> { int b = bootFloppy; bootFloppy = 0; yield b; }
                case DISK, LUN -> { int b = bootDisk; bootDisk = 0; yield b; }
            };
            // Xen paravirtual disks have no -device form.
            boolean withDevice = ctx.usesDevice() && bus != DiskBus.XEN;
            Optional<DiskStorage> nodes = ctx.blockdev() && withDevice
                    ? ctx.storage().disk(DiskNames.dev(disk)) : Optional.empty();
            String drive;
            if (nodes.isPresent()) {
                drive = blockdevs(ctx, out, disk, nodes.get());
            } else {
                refuseNodeOnlySettings(disk);
                out.option("-drive", DriveOption.of(ctx, disk, !plan.emitBootindex() && bootindex > 0, withDevice));
                drive = "drive-" + ctx.alias(disk);
            }
            if (!plan.emitBootindex()) {
                bootindex = 0;
            } else if (disk.getBoot() != null && disk.getBoot().getOrder() != null) {
                bootindex = disk.getBoot().getOrder();
            }
            if (!withDevice) {
                continue;
            }
            if (bus == DiskBus.FDC) {
                floppy(ctx, out, disk, bootindex, drive);
            } else {
                out.option("-device", DiskDeviceOption.of(ctx, disk, bootindex, drive, nodes.isPresent()));
            }
        }
    }

    /** {@code -add-fd} for every descriptor of every set the plan opens, before any node uses them. */
    private static void announceFdSets(BuildContext ctx, ArgvWriter out) {
        for (FdSet set : ctx.storage().fdSets()) {
            for (PassedFd fd : set.fds()) {
                out.option("-add-fd", "fd=" + fd.childFd() + ",set=" + set.id() + ",opaque=" + fd.opaque());
            }
        }
    }

    /** discard and detect_zeroes are written on -blockdev format nodes only. */
    private static void refuseNodeOnlySettings(Disk disk) throws UnsupportedConfigurationException {
        if (disk.getDriver() == null) {
            return;
        }
        for (String[] setting : new String[][] {
                {"discard", disk.getDriver().getDiscard() == null ? null : disk.getDriver().getDiscard().xml()},
                {"detect_zeroes", disk.getDriver().getDetectZeroes() == null ? null : disk.getDriver().getDetectZeroes().xml()}}) {
            if (setting[1] != null) {
                throw new UnsupportedConfigurationException("disk '" + DiskNames.dev(disk) + "': <driver " + setting[0] + "='"
                        + setting[1] + "'> needs -blockdev (QEMU 4.2 or later, a local image)");
            }
        }
    }

    /**
     * The disk's {@code -blockdev} nodes; returns the node the device attaches to, or null for a
     * drive without a medium (the device then has no {@code drive=}).
     */
    private static String blockdevs(BuildContext ctx, ArgvWriter out, Disk disk, DiskStorage nodes)
            throws UnsupportedConfigurationException {
        // <iotune> is not on the command line: the daemon sets it over QMP before the CPUs start (as libvirt 9)
        DriveOption.check(ctx, disk, true);
        for (Map<String, Object> node : BlockdevNodes.all(nodes)) {
            out.option("-blockdev", JsonText.of(node));
        }
        return nodes.frontNode().orElse(null);
    }

    /**
     * Floppies hang off the board's controller: wired to it with {@code -global isa-fdc.driveA=},
     * or, from QEMU 2.8 (which has a floppy device, and later dropped the property), with
     * {@code -device floppy}.
     */
    private static void floppy(BuildContext ctx, ArgvWriter out, Disk disk, int bootindex, String node) {
        int unit = DiskNames.orZero(DiskNames.driveAddress(disk).getUnit());
        char drive = (char) ('A' + unit);
        String alias = ctx.alias(disk);
        if (ctx.qemuAtLeast(2_008_000)) {
            out.option("-device", "floppy,unit=" + unit + (node == null ? "" : ",drive=" + node) + ",id=" + alias);
        } else {
            out.option("-global", "isa-fdc.drive" + drive + "=" + node);
        }
        if (bootindex > 0) {
            out.option("-global", "isa-fdc.bootindex" + drive + "=" + bootindex);
        }
    }

    private static void usbDisk(Disk disk, ArgvWriter out) throws UnsupportedConfigurationException {
        if (DiskNames.device(disk) != DiskDevice.DISK) {
            throw new UnsupportedConfigurationException("disk '" + DiskNames.dev(disk) + "': only device='disk' is "
                    + "supported on the usb bus without -device support");
        }
        out.option("-usbdevice", "disk:" + DiskSourceSpec.localPath(disk));
    }

    /** Before -drive, each disk had its own option named after its target, and cdrom meant hdc. */
    private static void legacy(BuildContext ctx, ArgvWriter out) throws UnsupportedConfigurationException {
        for (Disk disk : ctx.disks()) {
            String dev = DiskNames.dev(disk);
            if (DiskNames.bus(disk) == DiskBus.USB) {
                usbDisk(disk, out);
                continue;
            }
            String option;
            if ("hdc".equals(dev) && DiskNames.device(disk) == DiskDevice.CDROM) {
                if (DiskSourceSpec.empty(disk)) {
                    continue;
                }
                option = "-cdrom";
            } else if (dev != null && (dev.startsWith("hd") || dev.startsWith("fd"))) {
                option = "-" + dev;
            } else {
                throw new UnsupportedConfigurationException("disk '" + dev + "': this QEMU binary has no -drive "
                        + "(capability 'drive'), and only hd* and fd* disks have legacy options");
            }
            if (DiskSourceSpec.empty(disk)) {
                continue;
            }
            out.option(option, DiskSourceSpec.forLegacyOption(disk));
        }
    }
}
