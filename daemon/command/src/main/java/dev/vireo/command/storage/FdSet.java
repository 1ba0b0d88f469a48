package dev.vireo.command.storage;

import java.util.List;

/**
 * The fd set one image node opens ({@code /dev/fdset/ID}): exactly one descriptor, O_RDWR for a
 * writable image, O_RDONLY otherwise. One fd per set is what keeps QEMU 7.2's image locks from
 * going stale: with an O_RDONLY and an O_RDWR fd, QEMU switches between them and the original
 * it stopped using keeps its lock bytes, so the next block job fails with
 * {@code Failed to get "write" lock} (research §0.1). A job that needs a second access mode
 * adds it to the set at run time.
 *
 * @param id  the set's number
 * @param fds the descriptors QEMU inherits into the set
 */
public record FdSet(int id, List<PassedFd> fds) {

    public FdSet {
        fds = List.copyOf(fds);
        if (id < 0) {
            throw new IllegalArgumentException("fd set number must be 0 or higher, not " + id);
        }
        if (fds.isEmpty()) {
            throw new IllegalArgumentException("fd set " + id + " needs at least one fd");
        }
    }

    /** What QEMU opens instead of the image's path. */
    public String path() {
        return path(id);
    }

    public static String path(int id) {
        return "/dev/fdset/" + id;
    }
}
