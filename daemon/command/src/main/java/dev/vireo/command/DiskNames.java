package dev.vireo.command;

import dev.vireo.conf.model.Address;
import dev.vireo.conf.model.AddressType;
import dev.vireo.conf.model.Disk;
import dev.vireo.conf.model.DiskBus;
import dev.vireo.conf.model.DiskDevice;

/** Facts derived from a disk's target name ({@code hda}, {@code vdb}, {@code sdaa}) and its defaults. */
final class DiskNames {

    private static final String[] PREFIXES = {"xvd", "ubd", "hd", "sd", "vd", "fd"};

    private DiskNames() {
    }

    /**
     * The disk's position among the disks of its kind: {@code hda} 0, {@code hdb} 1, {@code sdz} 25,
     * {@code sdaa} 26; -1 when the name has no known prefix or no letters after it.
     */
    static int index(String dev) {
        if (dev == null) {
            return -1;
        }
        for (String prefix : PREFIXES) {
            if (dev.startsWith(prefix)) {
                return letters(dev.substring(prefix.length()));
            }
        }
        return -1;
    }

    private static int letters(String rest) {
        int idx = 0;
        int i = 0;
        for (; i < rest.length() && rest.charAt(i) >= 'a' && rest.charAt(i) <= 'z'; i++) {
            idx = (idx + (i == 0 ? 0 : 1)) * 26 + (rest.charAt(i) - 'a');
        }
        if (i == 0) {
            return -1;
        }
        for (; i < rest.length(); i++) {
            if (!Character.isDigit(rest.charAt(i))) {
                return -1;
            }
        }
        return idx;
    }

    static DiskDevice device(Disk disk) {
        return disk.getDevice() == null ? DiskDevice.DISK : disk.getDevice();
    }

    static String dev(Disk disk) {
        return disk.getTarget() == null ? null : disk.getTarget().getDev();
    }

    /** The bus the disk sits on: as written, else what libvirt derives from the target name. */
    static DiskBus bus(Disk disk) {
        if (disk.getTarget() != null && disk.getTarget().getBus() != null) {
            return disk.getTarget().getBus();
        }
        String dev = dev(disk);
        if (dev == null) {
            return DiskBus.IDE;
        }
        if (dev.startsWith("hd")) return DiskBus.IDE;
        if (dev.startsWith("sd")) return DiskBus.SCSI;
        if (dev.startsWith("vd")) return DiskBus.VIRTIO;
        if (dev.startsWith("fd")) return DiskBus.FDC;
        if (dev.startsWith("xvd")) return DiskBus.XEN;
        if (dev.startsWith("ubd")) return DiskBus.UML;
        return DiskBus.IDE;
    }

    /**
     * The disk's drive address: as written (or as the model's defaults set it), else the one libvirt
     * derives from the target name for buses that have drive addresses.
     */
    static Address driveAddress(Disk disk) {
        Address given = disk.getAddress();
        if (given != null && given.getType() == AddressType.DRIVE) {
            return given;
        }
        int idx = index(dev(disk));
        if (idx < 0) {
            return null;
        }
        return switch (bus(disk)) {
            case IDE -> Address.drive(idx / 4, (idx % 4) / 2, 0, idx % 2);
            case FDC -> Address.drive(idx / 2, 0, 0, idx % 2);
            case SCSI -> Address.drive(idx / 7, 0, 0, idx % 7);
            case SATA -> Address.drive(idx / 6, 0, 0, idx % 6);
            default -> null;
        };
    }

    static int orZero(Integer value) {
        return value == null ? 0 : value;
    }
}
