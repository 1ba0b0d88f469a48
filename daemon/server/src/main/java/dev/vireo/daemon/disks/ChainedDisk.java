package dev.vireo.daemon.disks;

import dev.vireo.conf.model.Disk;
import dev.vireo.conf.model.DiskDevice;
import dev.vireo.conf.model.DiskTray;
import dev.vireo.conf.model.DiskType;
import dev.vireo.storage.ImageFormat;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A disk whose image is a local file or block device, which the daemon opens for QEMU: its path
 * as the domain writes it, and the format its top image is read with.
 *
 * @param target the guest's name for the disk ({@code vda}), for messages and fd notes
 * @param source the path exactly as {@code <source file|dev>} writes it
 * @param format {@code <driver type>}, or raw when the domain names none (then QEMU is told
 *               {@code format=raw} too, so neither side guesses)
 */
record ChainedDisk(Disk disk, String target, String source, ImageFormat format) {

    Path path() {
        return Path.of(source);
    }

    /**
     * Whether QEMU only reads the top image: {@code <readonly/>}, or a CD-ROM (QEMU opens those
     * read-only whatever the XML says). A {@code <shareable/>} disk is shared for writing, so it
     * stays writable.
     */
    boolean readOnly() {
        return disk.isReadonly() || disk.getDevice() == DiskDevice.CDROM;
    }

    /**
     * The disk as a chain to open, or empty when QEMU opens nothing local for it: network and
     * folder disks, drives without a medium.
     *
     * @throws IllegalArgumentException when {@code <driver type>} is not an image format the
     *                                  daemon can read (the message names the disk and the allowed ones)
     */
    static Optional<ChainedDisk> of(Disk disk) {
        DiskType type = disk.getType() == null ? DiskType.FILE : disk.getType();
        if (disk.getSource() == null || (type != DiskType.FILE && type != DiskType.BLOCK)) {
            return Optional.empty();
        }
        String source = type == DiskType.FILE ? disk.getSource().getFile() : disk.getSource().getDev();
        if (source == null || trayOpen(disk)) {
            return Optional.empty();
        }
        String target = disk.getTarget() == null || disk.getTarget().getDev() == null ? source : disk.getTarget().getDev();
        String declared = disk.getDriver() == null ? null : disk.getDriver().getType();
        if (declared == null) {
            return Optional.of(new ChainedDisk(disk, target, source, ImageFormat.RAW));
        }
        ImageFormat format = ImageFormat.forName(declared).orElseThrow(() -> new IllegalArgumentException(
                "disk '" + target + "': <driver type='" + declared + "'> is not an image format the daemon can read; "
                        + "allowed: " + ImageFormat.knownNames()));
        return Optional.of(new ChainedDisk(disk, target, source, format));
    }

    private static boolean trayOpen(Disk disk) {
        boolean removable = disk.getDevice() == DiskDevice.CDROM || disk.getDevice() == DiskDevice.FLOPPY;
        return removable && disk.getTarget() != null && disk.getTarget().getTray() == DiskTray.OPEN;
    }
}
