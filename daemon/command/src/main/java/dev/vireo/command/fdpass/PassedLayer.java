package dev.vireo.command.fdpass;

import java.util.List;

/**
 * One image of a disk's chain as QEMU sees it: an fd set ({@code /dev/fdset/SET}) read with
 * driver {@code format}.
 *
 * @param format QEMU's driver name for the image ({@code raw}, {@code qcow2}, ...)
 * @param fdset  the fd set's number
 * @param fds    the descriptors in the set: one read-only fd, plus a read-write one for a
 *               writable image (QEMU opens read-only first, then reopens read-write)
 */
public record PassedLayer(String format, int fdset, List<PassedFd> fds) {

    public PassedLayer {
        fds = List.copyOf(fds);
        if (fds.isEmpty()) {
            throw new IllegalArgumentException("fd set " + fdset + " needs at least one fd");
        }
        if (fdset < 0) {
            throw new IllegalArgumentException("fd set number must be 0 or higher, not " + fdset);
        }
    }

    /** What QEMU opens instead of the image's path. */
    public String fdsetPath() {
        return "/dev/fdset/" + fdset;
    }
}
