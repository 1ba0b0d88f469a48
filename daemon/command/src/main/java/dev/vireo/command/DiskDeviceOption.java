package dev.vireo.command;

import dev.vireo.caps.Capability;
import dev.vireo.command.storage.NodeCache;
import dev.vireo.conf.model.Address;
import dev.vireo.conf.model.Disk;
import dev.vireo.conf.model.DiskBlockIo;
import dev.vireo.conf.model.DiskBus;
import dev.vireo.conf.model.DiskDevice;
import dev.vireo.conf.model.DiskDriver;
import dev.vireo.conf.model.DiskGeometry;

/** The guest side of a disk, the value of its {@code -device}: controller, unit, and device properties. */
final class DiskDeviceOption {

    private DiskDeviceOption() {
    }

    /**
     * @param drive    the drive or node the device is attached to, or null for an empty drive
     * @param blockdev whether it is a {@code -blockdev} node: the device then carries what
     *                 {@code -drive} held for the guest side (serial, error policy, write cache,
     *                 sharing)
     */
    static String of(BuildContext ctx, Disk disk, int bootindex, String drive, boolean blockdev)
            throws UnsupportedConfigurationException {
        String dev = DiskNames.dev(disk);
        DiskBus bus = DiskNames.bus(disk);
        DiskDevice device = DiskNames.device(disk);
        checkWwn(ctx, disk, bus, device);
        if (disk.getDriver() != null && disk.getDriver().getIothread() != null && bus != DiskBus.VIRTIO) {
            throw new UnsupportedConfigurationException("disk '" + dev + "': <driver iothread> is only valid on the "
                    + "virtio bus, not '" + bus.xml() + "'");
        }
        if (disk.getDriver() != null && (disk.getDriver().getQueues() != null || disk.getDriver().getQueueSize() != null)
                && bus != DiskBus.VIRTIO) {
            throw new UnsupportedConfigurationException("disk '" + dev + "': <driver queues|queue_size> are only valid on "
                    + "the virtio bus (virtio-blk), not '" + bus.xml() + "'");
        }
        if (device == DiskDevice.LUN) {
            if (bus != DiskBus.VIRTIO && bus != DiskBus.SCSI) {
                throw new UnsupportedConfigurationException("disk '" + dev + "': device='lun' is only valid on the "
                        + "virtio or scsi bus, not '" + bus.xml() + "'");
            }
            if (bus == DiskBus.VIRTIO && !ctx.has(Capability.BLK_SG_IO)) {
                throw new UnsupportedConfigurationException("disk '" + dev + "': device='lun' (SCSI passthrough) is "
                        + "not supported by this QEMU binary (capability 'blk-sg-io')");
            }
            if (bus == DiskBus.VIRTIO && ctx.qemuAtLeast(2_007_000)) {
                throw new UnsupportedConfigurationException("disk '" + dev + "': device='lun' on virtio needs a legacy "
                        + "virtio-blk device, but QEMU " + ctx.qemuVersion() + " speaks virtio 1.0 (scsi=on is refused); "
                        + "use bus='scsi' on a virtio-scsi controller");
            }
        }
        Address a = DiskNames.driveAddress(disk);
        OptionString o = switch (bus) {
            case IDE -> new OptionString(ideModel(ctx, device))
                    .add("bus", "ide." + DiskNames.orZero(a.getBus()))
                    .add("unit", DiskNames.orZero(a.getUnit()));
            case SCSI -> scsi(ctx, disk, device, a);
            case SATA -> sata(ctx, disk, device, a);
            case VIRTIO -> virtio(ctx, disk, device);
            case USB -> {
                OptionString usb = new OptionString("usb-storage");
                DeviceAddressOption.append(ctx, usb, disk);
                yield usb;
            }
            default -> throw new UnsupportedConfigurationException("disk '" + dev + "': bus '" + bus.xml()
                    + "' cannot be used with -device; allowed: ide, scsi, sata, virtio, usb, fdc");
        };
        String alias = ctx.alias(disk);
        if (drive != null) {
            o.add("drive", drive);
        }
        o.add("id", alias);
        if (bootindex > 0 && ctx.has(Capability.BOOT_INDEX)) {
            o.add("bootindex", bootindex);
        }
        blockio(ctx, disk, o);
        if (ctx.qemuAtLeast(3_000_000)) {
            geometry(disk, bus, o);
        }
        if (disk.getWwn() != null) {
            // QEMU 2.1 made wwn a number: it then needs the 0x prefix.
            o.add("wwn", (ctx.qemuAtLeast(2_001_000) ? "0x" : "") + disk.getWwn());
        }
        if (blockdev) {
            blockdevFrontend(ctx, disk, o);
        }
        return o.toString();
    }

    private static String ideModel(BuildContext ctx, DiskDevice device) {
        if (!ctx.has(Capability.IDE_CD)) {
            return "ide-drive";
        }
        return device == DiskDevice.CDROM ? "ide-cd" : "ide-hd";
    }

    private static OptionString scsi(BuildContext ctx, Disk disk, DiskDevice device, Address a) throws UnsupportedConfigurationException {
        String dev = DiskNames.dev(disk);
        String model;
        if (device == DiskDevice.LUN) {
            if (!ctx.has(Capability.SCSI_BLOCK)) {
                throw new UnsupportedConfigurationException("disk '" + dev + "': this QEMU binary has no scsi-block "
                        + "device for lun passthrough (capability 'scsi-block')");
            }
            model = "scsi-block";
        } else if (ctx.has(Capability.SCSI_CD)) {
            model = device == DiskDevice.CDROM ? "scsi-cd" : "scsi-hd";
        } else {
            model = "scsi-disk";
        }
        int controller = DiskNames.orZero(a.getController());
        int bus = DiskNames.orZero(a.getBus());
        int target = DiskNames.orZero(a.getTarget());
        int unit = DiskNames.orZero(a.getUnit());
        OptionString o = new OptionString(model);
        if (ScsiControllerModel.of(ctx, controller) == ScsiControllerModel.LSILOGIC) {
            if (target != 0) {
                throw new UnsupportedConfigurationException("disk '" + dev + "': target must be 0 on an LSI "
                        + "('lsilogic') SCSI controller, not " + target);
            }
            return o.add("bus", "scsi" + controller + "." + bus).add("scsi-id", unit);
        }
        if (!ctx.has(Capability.SCSI_DISK_CHANNEL)) {
            if (target > 7) {
                throw new UnsupportedConfigurationException("disk '" + dev + "': this QEMU binary does not support "
                        + "SCSI targets above 7 (capability 'scsi-disk.channel')");
            }
            if (bus != 0 && bus != unit) {
                throw new UnsupportedConfigurationException("disk '" + dev + "': this QEMU binary only supports bus and "
                        + "unit both 0 (capability 'scsi-disk.channel')");
            }
        }
        return o.add("bus", "scsi" + controller + ".0").add("channel", bus).add("scsi-id", target).add("lun", unit);
    }

    private static OptionString sata(BuildContext ctx, Disk disk, DiskDevice device, Address a) throws UnsupportedConfigurationException {
        String dev = DiskNames.dev(disk);
        if (DiskNames.orZero(a.getBus()) != 0) {
            throw new UnsupportedConfigurationException("disk '" + dev + "': bus must be 0 on a SATA controller");
        }
        if (DiskNames.orZero(a.getTarget()) != 0) {
            throw new UnsupportedConfigurationException("disk '" + dev + "': target must be 0 on a SATA controller");
        }
        return new OptionString(ideModel(ctx, device))
                .add("bus", SataBus.port(ctx, DiskNames.orZero(a.getController()), DiskNames.orZero(a.getUnit())));
    }

    private static OptionString virtio(BuildContext ctx, Disk disk, DiskDevice device) throws UnsupportedConfigurationException {
        OptionString o = new OptionString(ctx.onS390VirtioBus(disk) ? "virtio-blk-s390" : "virtio-blk-pci");
        DiskDriver driver = disk.getDriver();
        if (driver != null && driver.getIothread() != null) {
            o.add("iothread", IothreadArgs.forDisk(ctx, DiskNames.dev(disk), driver.getIothread()));
        }
        if (driver != null && driver.getIoeventfd() != null) {
            o.add("ioeventfd", driver.getIoeventfd() ? "on" : "off");
        }
        if (driver != null && driver.getEventIdx() != null) {
            o.add("event_idx", driver.getEventIdx() ? "on" : "off");
        }
        // Where the property is missing, SCSI passthrough is simply always on; a modern binary has it
        // off by default (virtio 1.0 refuses it), and libvirt 9 no longer writes it.
        if (ctx.has(Capability.VIRTIO_BLK_PCI_SCSI) && !ctx.modern()) {
            o.add("scsi", device == DiskDevice.LUN ? "on" : "off");
        }
        queues(ctx, disk, o);
        DeviceAddressOption.append(ctx, o, disk);
        return o;
    }

    /**
     * {@code <driver queues queue_size>} of a virtio disk as libvirt 9 writes them: {@code num-queues}
     * and {@code queue-size} (virtqueues, and descriptors in each), after ioeventfd and event_idx.
     */
    private static void queues(BuildContext ctx, Disk disk, OptionString o) throws UnsupportedConfigurationException {
        DiskDriver driver = disk.getDriver();
        if (driver == null || driver.getQueues() == null && driver.getQueueSize() == null) return;
        if (!ctx.modern()) {
            throw new UnsupportedConfigurationException("disk '" + DiskNames.dev(disk) + "': <driver queues|queue_size> "
                    + "are supported with QEMU 4.2 or later");
        }
        if (driver.getQueues() != null) o.add("num-queues", driver.getQueues());
        if (driver.getQueueSize() != null) o.add("queue-size", driver.getQueueSize());
    }

    /** ioeventfd and event_idx are virtio-blk properties: refused elsewhere or when QEMU lacks them. */
    static void checkVirtioProperties(BuildContext ctx, Disk disk) throws UnsupportedConfigurationException {
        DiskBus bus = DiskNames.bus(disk);
        DiskDriver driver = disk.getDriver();
        if (driver == null) {
            return;
        }
        check(ctx, disk, bus, driver.getIoeventfd(), "ioeventfd", Capability.VIRTIO_BLK_PCI_IOEVENTFD);
        check(ctx, disk, bus, driver.getEventIdx(), "event_idx", Capability.VIRTIO_BLK_PCI_EVENT_IDX);
    }

    private static void check(BuildContext ctx, Disk disk, DiskBus bus, Boolean value, String attribute, Capability needed)
            throws UnsupportedConfigurationException {
        if (value == null) {
            return;
        }
        String setting = "disk '" + DiskNames.dev(disk) + "': <driver " + attribute + "='" + (value ? "on" : "off") + "'>";
        if (bus != DiskBus.VIRTIO) {
            throw new UnsupportedConfigurationException(setting + " only applies to virtio disks, not bus '" + bus.xml() + "'");
        }
        if (!ctx.usesDevice() || !ctx.has(needed)) {
            throw new UnsupportedConfigurationException(setting + ": " + attribute + " is not supported by this QEMU "
                    + "binary (capability '" + needed.flagName() + "')");
        }
    }

    private static void checkWwn(BuildContext ctx, Disk disk, DiskBus bus, DiskDevice device) throws UnsupportedConfigurationException {
        if (disk.getWwn() == null) {
            return;
        }
        String dev = DiskNames.dev(disk);
        if (bus != DiskBus.IDE && bus != DiskBus.SCSI) {
            throw new UnsupportedConfigurationException("disk '" + dev + "': <wwn> is only supported on ide and scsi disks");
        }
        if (device == DiskDevice.LUN) {
            throw new UnsupportedConfigurationException("disk '" + dev + "': <wwn> cannot be set on a lun device");
        }
        Capability needed = bus == DiskBus.IDE ? Capability.IDE_DRIVE_WWN : Capability.SCSI_DISK_WWN;
        if (!ctx.has(needed)) {
            throw new UnsupportedConfigurationException("disk '" + dev + "': setting <wwn> is not supported by this "
                    + "QEMU binary (capability '" + needed.flagName() + "')");
        }
    }

    /** From QEMU 3.0 the geometry is a device property (the translation an IDE one). */
    private static void geometry(Disk disk, DiskBus bus, OptionString o) {
        DiskGeometry g = disk.getGeometry();
        if (g == null || g.getCyls() == null || g.getHeads() == null || g.getSecs() == null) {
            return;
        }
        o.add("cyls", g.getCyls()).add("heads", g.getHeads()).add("secs", g.getSecs());
        if (g.getTrans() != null && bus == DiskBus.IDE) {
            o.add("bios-chs-trans", g.getTrans().xml());
        }
    }

    private static void blockio(BuildContext ctx, Disk disk, OptionString o) throws UnsupportedConfigurationException {
        DiskBlockIo blockio = disk.getBlockio();
        if (blockio == null || (blockio.getLogicalBlockSize() == null && blockio.getPhysicalBlockSize() == null)) {
            return;
        }
        if (!ctx.has(Capability.BLOCKIO)) {
            throw new UnsupportedConfigurationException("disk '" + DiskNames.dev(disk) + "': <blockio>: setting the "
                    + "block size is not supported by this QEMU binary (capability 'blockio')");
        }
        if (blockio.getLogicalBlockSize() != null) {
            o.add("logical_block_size", blockio.getLogicalBlockSize());
        }
        if (blockio.getPhysicalBlockSize() != null) {
            o.add("physical_block_size", blockio.getPhysicalBlockSize());
        }
    }

    /** The guest-side settings that {@code -drive} carried and a {@code -blockdev} node cannot. */
    private static void blockdevFrontend(BuildContext ctx, Disk disk, OptionString o) {
        if (disk.isShareable()) {
            // several guests write the image: QEMU must not take it for itself
            o.add("share-rw", "on");
        }
        DiskDriver driver = DriveOption.driver(disk);
        NodeCache cache = driver.getCache() == null ? null : NodeCache.of(driver.getCache().xml());
        if (cache != null) {
            o.add("write-cache", cache.writeCache() ? "on" : "off");
        }
        if (disk.getSerial() != null) {
            o.addEscaped("serial", disk.getSerial());
        }
        DriveOption.errorPolicy(ctx, driver, o);
    }
}
