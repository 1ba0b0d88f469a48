package dev.vireo.conf.defaults;

import dev.vireo.conf.DiskNames;
import dev.vireo.conf.model.Address;
import dev.vireo.conf.model.AddressType;
import dev.vireo.conf.model.DeviceSecLabel;
import dev.vireo.conf.model.Disk;
import dev.vireo.conf.model.DiskBus;
import dev.vireo.conf.model.DiskDevice;
import dev.vireo.conf.model.DiskDriver;
import dev.vireo.conf.model.DiskSource;
import dev.vireo.conf.model.DiskSnapshot;
import dev.vireo.conf.model.DiskTray;
import dev.vireo.conf.model.DiskType;
import dev.vireo.conf.model.Domain;

/**
 * Disk defaults: type, device, the bus implied by the target name, and drive addresses. Under libvirt
 * 9's defaults also: every disk states its driver ({@code name='qemu'}, and {@code type='raw'} when no
 * format is given), cdroms are read-only, and a block cdrom without a source (an empty drive) is
 * stored as a file one.
 */
final class DiskDefaults {

    private DiskDefaults() {
    }

    static void apply(Domain d, boolean libvirt9) {
        for (Disk disk : d.getDevices().getDisks()) {
            if (libvirt9) libvirt9(disk);
            if (disk.getType() == null) disk.setType(DiskType.FILE);
            if (disk.getDevice() == null) disk.setDevice(DiskDevice.DISK);
            var target = disk.getTarget();
            if (target.getBus() == null) target.setBus(busFor(disk));
            boolean removable = disk.getDevice() == DiskDevice.CDROM || disk.getDevice() == DiskDevice.FLOPPY;
            // a closed tray is the normal state and is not printed; only removable media have a tray
            if (!removable || target.getTray() == DiskTray.CLOSED) target.setTray(null);
            // read-only disks cannot be snapshotted, so 'no' is implied and not printed
            if (disk.isReadonly() && disk.getSnapshot() == DiskSnapshot.NO) disk.setSnapshot(null);
            if (disk.getAddress() == null) disk.setAddress(driveAddress(target.getBus(), DiskNames.index(target.getDev())));
            if (disk.getAddress() != null && disk.getAddress().getType() == null) disk.getAddress().setType(AddressType.DRIVE);
            if (disk.getSource() != null) disk.getSource().getSeclabels().forEach(DiskDefaults::relabelByDefault);
        }
    }

    private static void libvirt9(Disk disk) {
        if (disk.getDriver() == null) disk.setDriver(new DiskDriver());
        DiskDriver driver = disk.getDriver();
        if (driver.getName() == null) driver.setName("qemu");
        if (driver.getType() == null) driver.setType("raw");
        if (disk.getDevice() == DiskDevice.CDROM) {
            disk.setReadonly(true);
            if (disk.getType() == DiskType.BLOCK && !hasSource(disk)) disk.setType(DiskType.FILE);
        }
    }

    /** Whether the disk names where its data is (a cdrom or floppy may be an empty drive). */
    static boolean hasSource(Disk disk) {
        DiskSource s = disk.getSource();
        return s != null && (s.getFile() != null || s.getDev() != null || s.getDir() != null || s.getProtocol() != null);
    }

    /** A per-device label relabels unless told not to; libvirt always prints which. */
    static void relabelByDefault(DeviceSecLabel label) {
        if (label.getRelabel() == null) label.setRelabel(true);
    }

    /** The bus libvirt infers from the target's name when {@code bus} is absent. */
    static DiskBus busFor(Disk disk) {
        if (disk.getDevice() == DiskDevice.FLOPPY) return DiskBus.FDC;
        String dev = disk.getTarget().getDev();
        if (dev == null) return DiskBus.IDE;
        if (dev.startsWith("hd")) return DiskBus.IDE;
        if (dev.startsWith("sd")) return DiskBus.SCSI;
        if (dev.startsWith("vd")) return DiskBus.VIRTIO;
        if (dev.startsWith("xvd")) return DiskBus.XEN;
        if (dev.startsWith("ubd")) return DiskBus.UML;
        return DiskBus.IDE;
    }

    /**
     * The drive address of the disk with target index {@code idx} on {@code bus}: IDE has 2 buses of 2
     * units per controller, floppy 1 bus of 2 units, SATA 1 bus of 6 ports; QEMU's SCSI bus is wide, with
     * 15 usable units per controller because unit 7 is the controller itself. Other buses have none.
     */
    static Address driveAddress(DiskBus bus, int idx) {
        if (idx < 0) return null;
        return switch (bus) {
            case IDE -> Address.drive(idx / 4, (idx % 4) / 2, 0, idx % 2);
            case FDC -> Address.drive(idx / 2, 0, 0, idx % 2);
            case SATA -> Address.drive(idx / 6, 0, 0, idx % 6);
            case SCSI -> {
                int unit = idx % 15;
                yield Address.drive(idx / 15, 0, 0, unit >= 7 ? unit + 1 : unit);
            }
            default -> null;
        };
    }
}
