package dev.vireo.daemon.disks;

import dev.vireo.command.storage.FdSetNote;
import dev.vireo.process.OwnedFd;
import java.util.List;

/**
 * The images of a disk being plugged into a running guest, opened by the daemon exactly as a
 * start opens them ({@link DiskLaunch#prepareAdded}), top first: each one's number, the note its
 * fd set carries, and the fd. Closing it closes the daemon's copies: do so once QEMU has them
 * ({@code add-fd} duplicates them) or the plug failed.
 */
public final class OpenedImages implements AutoCloseable {

    /** One image: its number (the live XML's {@code index}), its fd-set note and its fd. */
    public record Image(int index, FdSetNote note, OwnedFd fd) {
    }

    private final List<Image> images;

    OpenedImages(List<Image> images) {
        this.images = List.copyOf(images);
    }

    /** Top first; empty for a drive without a medium, or when QEMU opens the paths itself. */
    public List<Image> images() {
        return images;
    }

    @Override
    public void close() {
        images.forEach(i -> i.fd().close());
    }
}
