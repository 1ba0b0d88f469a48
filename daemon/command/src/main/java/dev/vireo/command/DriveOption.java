package dev.vireo.command;

import dev.vireo.caps.Capability;
import dev.vireo.conf.model.Address;
import dev.vireo.conf.model.Disk;
import dev.vireo.conf.model.DiskBus;
import dev.vireo.conf.model.DiskCache;
import dev.vireo.conf.model.DiskDevice;
import dev.vireo.conf.model.DiskDriver;
import dev.vireo.conf.model.DiskErrorPolicy;
import dev.vireo.conf.model.DiskGeometry;
import dev.vireo.conf.model.DiskIo;
import dev.vireo.command.iotune.IoTunes;
import dev.vireo.conf.model.DiskType;

/**
 * The host side of a disk, the value of {@code -drive}: what to open and how (format, cache, aio,
 * error policy, throttling, ...). With {@code -device} the drive is {@code if=none} and named
 * {@code drive-<alias>}; without it, {@code if=<bus>} with bus/unit numbers places it in the guest.
 */
final class DriveOption {

    /** The characters QEMU's -drive serial= accepts unquoted. */
    private static final String SERIAL_CHARACTERS =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    private DriveOption() {
    }

    static String of(BuildContext ctx, Disk disk, boolean bootable, boolean withDevice) throws UnsupportedConfigurationException {
        check(ctx, disk, withDevice);
        String dev = DiskNames.dev(disk);
        DiskBus bus = DiskNames.bus(disk);
        DiskDevice device = DiskNames.device(disk);
        int[] busUnit = busAndUnit(disk, bus);
        StringBuilder opt = new StringBuilder(128);
        if (!DiskSourceSpec.empty(disk)) {
            opt.append("file=").append(DiskSourceSpec.forDrive(disk)).append(',');
        }
        opt.append("if=").append(withDevice ? "none" : interfaceName(bus));
        OptionString o = new OptionString(opt.toString());
        if (device == DiskDevice.CDROM && !hasCdDevice(ctx, bus)) {
            o.add("media", "cdrom");
        }
        if (withDevice) {
            o.add("id", "drive-" + ctx.alias(disk));
        } else {
            if (busUnit[0] < 0 && busUnit[1] < 0) {
                // Buses without drive addresses (Xen) are placed by index; each virtio disk is its own
                // PCI device and needs neither.
                if (bus != DiskBus.VIRTIO) {
                    o.add("index", DiskNames.index(dev));
                }
            } else {
                if (busUnit[0] >= 0) o.add("bus", busUnit[0]);
                if (busUnit[1] >= 0) o.add("unit", busUnit[1]);
            }
        }
        if (bootable && ctx.has(Capability.DRIVE_BOOT)
                && (device == DiskDevice.DISK || device == DiskDevice.LUN) && bus != DiskBus.IDE) {
            o.add("boot", "on");
        }
        if (disk.isReadonly() && ctx.has(Capability.DRIVE_READONLY)) {
            o.add("readonly", "on");
        }
        DiskDriver driver = driver(disk);
        // An empty drive has nothing to read the format of; QEMU 2.0 and later refuse format= there.
        if (driver.getType() != null && disk.getType() != DiskType.DIR && ctx.has(Capability.DRIVE_FORMAT)
                && !DiskSourceSpec.empty(disk)) {
            o.add("format", driver.getType());
        }
        if (!ctx.qemuAtLeast(3_000_000)) {
            // QEMU 3.0 removed the -drive geometry options; the device carries them then.
            geometry(disk, o);
        }
        if (disk.getSerial() != null && ctx.has(Capability.DRIVE_SERIAL)) {
            o.add("serial", disk.getSerial());
        }
        cache(ctx, disk, driver, o);
        if (driver.getCopyOnRead() != null) {
            o.add("copy-on-read", driver.getCopyOnRead() ? "on" : "off");
        }
        errorPolicy(ctx, driver, o);
        if (driver.getIo() != null) {
            o.add("aio", driver.getIo().xml());
        }
        iotune(disk, o);
        return o.toString();
    }

    /**
     * Refuses what QEMU cannot do with this disk, whether it becomes a {@code -drive} or
     * {@code -blockdev} nodes: a target QEMU cannot place, a read-only IDE hard disk, a transient
     * disk, a serial QEMU would misparse, and driver settings the binary lacks.
     */
    static void check(BuildContext ctx, Disk disk, boolean withDevice) throws UnsupportedConfigurationException {
        String dev = DiskNames.dev(disk);
        DiskBus bus = DiskNames.bus(disk);
        DiskDevice device = DiskNames.device(disk);
        if (DiskNames.index(dev) < 0) {
            throw new UnsupportedConfigurationException("disk target '" + dev + "' is not a disk name QEMU can place; "
                    + "expected hd*, sd*, vd*, fd*, xvd* followed by letters");
        }
        busAndUnit(disk, bus);
        // libvirt of this era lets a read-only IDE hard disk through; QEMU 2.0 and later refuse to start it.
        if (disk.isReadonly() && bus == DiskBus.IDE && device == DiskDevice.DISK && withDevice
                && ctx.qemuAtLeast(2_000_000)) {
            throw new UnsupportedConfigurationException("disk '" + dev + "': QEMU " + ctx.qemuVersion()
                    + " cannot offer a read-only IDE hard disk; use a cdrom, or a virtio or SCSI disk");
        }
        if (disk.isTransient()) {
            throw new UnsupportedConfigurationException("disk '" + dev + "': <transient/> disks are not supported");
        }
        checkSerial(ctx, disk);
        DiskDriver driver = driver(disk);
        checkCache(ctx, disk, driver);
        if (driver.getCopyOnRead() != null && !ctx.has(Capability.DRIVE_COPY_ON_READ)) {
            throw new UnsupportedConfigurationException("copy_on_read is not supported by this QEMU binary "
                    + "(capability 'drive-copy-on-read')");
        }
        if (driver.getIo() != null) {
            if (!ctx.has(Capability.DRIVE_AIO)) {
                throw new UnsupportedConfigurationException("disk '" + dev + "': <driver io='" + driver.getIo().xml()
                        + "'>: disk aio mode is not supported by this QEMU binary (capability 'drive-aio')");
            }
            if (driver.getIo() == DiskIo.IO_URING && !ctx.qemuAtLeast(5_000_000)) {
                throw new UnsupportedConfigurationException("disk '" + dev + "': <driver io='io_uring'> needs QEMU 5.0 "
                        + "or later");
            }
            boolean direct = driver.getCache() == DiskCache.NONE || driver.getCache() == DiskCache.DIRECTSYNC;
            if (driver.getIo() == DiskIo.NATIVE && !direct && ctx.qemuAtLeast(5_000_000)) {
                throw new UnsupportedConfigurationException("disk '" + dev + "': <driver io='native'> needs "
                        + "cache='none' or cache='directsync' (O_DIRECT) with QEMU " + ctx.qemuVersion());
            }
        }
        if (hasIotune(disk) && !ctx.has(Capability.DRIVE_IOTUNE)) {
            throw new UnsupportedConfigurationException("disk '" + dev + "': <iotune>: block I/O "
                    + "throttling is not supported by this QEMU binary (capability 'drive-iotune')");
        }
    }

    static DiskDriver driver(Disk disk) {
        return disk.getDriver() == null ? new DiskDriver() : disk.getDriver();
    }

    /** IDE and SCSI cdroms become ide-cd / scsi-cd devices when QEMU has them; media=cdrom is then implied. */
    private static boolean hasCdDevice(BuildContext ctx, DiskBus bus) {
        return (bus == DiskBus.SCSI && ctx.has(Capability.SCSI_CD)) || (bus == DiskBus.IDE && ctx.has(Capability.IDE_CD));
    }

    private static String interfaceName(DiskBus bus) {
        return bus == DiskBus.FDC ? "floppy" : bus.xml();
    }

    /** The legacy bus and unit numbers (-1 when the bus has none) from the drive address. */
    private static int[] busAndUnit(Disk disk, DiskBus bus) throws UnsupportedConfigurationException {
        Address a = DiskNames.driveAddress(disk);
        String dev = DiskNames.dev(disk);
        if (a == null) {
            return new int[] {-1, -1};
        }
        int controller = DiskNames.orZero(a.getController());
        int busNumber = DiskNames.orZero(a.getBus());
        int unit = DiskNames.orZero(a.getUnit());
        return switch (bus) {
            case SCSI -> {
                if (busNumber != 0) {
                    throw new UnsupportedConfigurationException("disk '" + dev + "': a SCSI controller has only bus 0, "
                            + "not bus " + busNumber);
                }
                yield new int[] {controller, unit};
            }
            case IDE -> {
                if (controller != 0) {
                    throw new UnsupportedConfigurationException("disk '" + dev + "': only one IDE controller (0) is "
                            + "supported, not controller " + controller);
                }
                yield new int[] {busNumber, unit};
            }
            case FDC -> {
                if (controller != 0) {
                    throw new UnsupportedConfigurationException("disk '" + dev + "': only one floppy controller (0) "
                            + "is supported, not controller " + controller);
                }
                if (busNumber != 0) {
                    throw new UnsupportedConfigurationException("disk '" + dev + "': the floppy controller has only "
                            + "bus 0, not bus " + busNumber);
                }
                yield new int[] {-1, unit};
            }
            default -> new int[] {-1, -1};
        };
    }

    private static void geometry(Disk disk, OptionString o) {
        DiskGeometry g = disk.getGeometry();
        if (g == null || g.getCyls() == null || g.getHeads() == null || g.getSecs() == null) {
            return;
        }
        o.add("cyls", g.getCyls()).add("heads", g.getHeads()).add("secs", g.getSecs());
        if (g.getTrans() != null) {
            o.add("trans", g.getTrans().xml());
        }
    }

    private static void checkSerial(BuildContext ctx, Disk disk) throws UnsupportedConfigurationException {
        String serial = disk.getSerial();
        if (serial == null || !ctx.has(Capability.DRIVE_SERIAL)) {
            return;
        }
        for (int i = 0; i < serial.length(); i++) {
            if (SERIAL_CHARACTERS.indexOf(serial.charAt(i)) < 0) {
                throw new UnsupportedConfigurationException("disk '" + DiskNames.dev(disk) + "': <serial>" + serial
                        + "</serial> contains '" + serial.charAt(i) + "'; allowed: letters, digits, '-' and '_'");
            }
        }
    }

    private static void cache(BuildContext ctx, Disk disk, DiskDriver driver, OptionString o) {
        DiskCache cache = driver.getCache();
        if (cache == null || cache == DiskCache.DEFAULT) {
            // A disk shared between guests must not be cached on the host.
            if (disk.isShareable() && !disk.isReadonly()) {
                o.add("cache", "off");
            }
            return;
        }
        if (!ctx.has(Capability.DRIVE_CACHE_V2)) {
            // Old QEMU only knew cache=on|off; libvirt maps the modes onto that.
            o.add("cache", switch (cache) {
                case WRITEBACK, UNSAFE -> "on";
                default -> "off";
            });
            return;
        }
        o.add("cache", cache.xml());
    }

    private static void checkCache(BuildContext ctx, Disk disk, DiskDriver driver) throws UnsupportedConfigurationException {
        DiskCache cache = driver.getCache();
        if (cache == null || cache == DiskCache.DEFAULT || !ctx.has(Capability.DRIVE_CACHE_V2)) {
            return;
        }
        if (cache == DiskCache.DIRECTSYNC && !ctx.has(Capability.CACHE_DIRECTSYNC)) {
            throw new UnsupportedConfigurationException("disk '" + DiskNames.dev(disk) + "': disk cache mode "
                    + "'directsync' is not supported by this QEMU binary (capability 'cache-directsync')");
        }
        if (cache == DiskCache.UNSAFE && !ctx.has(Capability.CACHE_UNSAFE)) {
            throw new UnsupportedConfigurationException("disk '" + DiskNames.dev(disk) + "': disk cache mode "
                    + "'unsafe' is not supported by this QEMU binary (capability 'cache-unsafe')");
        }
    }

    /**
     * werror=/rerror= are only acted upon with a QMP monitor (the daemon must see the I/O error
     * event to report the pause), so libvirt leaves them out otherwise.
     */
    static void errorPolicy(BuildContext ctx, DiskDriver driver, OptionString o) {
        if (!ctx.jsonMonitor()) {
            return;
        }
        DiskErrorPolicy write = driver.getErrorPolicy();
        DiskErrorPolicy read = driver.getRerrorPolicy();
        String wpolicy = write == null ? null : write.xml();
        String rpolicy = read == null ? null : read.xml();
        if (write == DiskErrorPolicy.ENOSPACE) {
            // QEMU spells it enospc, and only for writes.
            wpolicy = "enospc";
        } else if (rpolicy == null) {
            rpolicy = wpolicy;
        }
        if (wpolicy != null) o.add("werror", wpolicy);
        if (rpolicy != null) o.add("rerror", rpolicy);
    }

    static boolean hasIotune(Disk disk) {
        return IoTunes.throttled(disk);
    }

    /** Legacy {@code -drive} takes QEMU's throttle keys ({@code bps}, {@code bps_max} ...) as options. */
    private static void iotune(Disk disk, OptionString o) {
        if (!hasIotune(disk)) {
            return;
        }
        IoTunes.qemuLimits(disk.getIotune()).forEach((key, value) -> {
            if (value != 0) {
                o.add(key, value);
            }
        });
        if (disk.getIotune().getGroupName() != null) {
            o.add("group", disk.getIotune().getGroupName());
        }
    }
}
