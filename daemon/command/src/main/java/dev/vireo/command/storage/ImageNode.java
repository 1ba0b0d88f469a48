package dev.vireo.command.storage;

import java.util.Objects;
import java.util.Set;

/**
 * One image of a disk chain as QEMU gets it: a storage node that opens the file (by path, or by
 * an fd set the daemon filled) and a format node on top of it that reads the image format.
 *
 * @param index      the image's per-domain number: the live XML's {@code index}, the N of
 *                   {@code vda[N]}; a counter, not a position, so it keeps its meaning when the
 *                   chain changes. The node names derive from it.
 * @param path       the image's real path: what the live XML shows and what any image header
 *                   written by QEMU must name
 * @param hostDevice whether the image is a block device ({@code host_device}) rather than a file
 * @param format     QEMU's format driver ({@code raw}, {@code qcow2}, ...)
 * @param readOnly   whether QEMU only reads it (every backing layer; the top of a read-only disk)
 * @param fdSet      the fd set QEMU opens instead of the path, or null when QEMU opens the path
 */
public record ImageNode(int index, String path, boolean hostDevice, String format, boolean readOnly, FdSet fdSet) {

    /** Formats whose images can name a backing image (QEMU's "generic COW" formats). */
    private static final Set<String> BACKING_FORMATS = Set.of("qcow2", "qcow", "qed", "vmdk");

    public ImageNode {
        if (index < 1) {
            throw new IllegalArgumentException("an image index must be 1 or higher, not " + index);
        }
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(format, "format");
    }

    public String formatNodeName() {
        return "libvirt-" + index + "-format";
    }

    public String storageNodeName() {
        return "libvirt-" + index + "-storage";
    }

    /** What the storage node opens: {@code /dev/fdset/N}, or the path. */
    public String opened() {
        return fdSet == null ? path : fdSet.path();
    }

    /** Whether the format can have a backing image, so its node takes a {@code backing} option. */
    public boolean formatHasBacking() {
        return BACKING_FORMATS.contains(format);
    }
}
