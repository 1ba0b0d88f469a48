package dev.vireo.daemon.disks;

import dev.vireo.process.OpenMode;
import dev.vireo.process.OwnedFd;
import dev.vireo.storage.AccessMode;
import dev.vireo.storage.ChainLayer;
import dev.vireo.storage.FileIdentity;
import dev.vireo.storage.ImageHeaders;
import dev.vireo.storage.LayerAccess;
import dev.vireo.storage.StorageException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The descriptor of one chain layer, opened by the daemon with its own rights: O_RDWR for the
 * writable top, O_RDONLY for every other layer. One fd per set: the block nodes are told their
 * access outright (no {@code auto-read-only}), so QEMU never switches between two fds of a set
 * and leaves a stale lock behind on the one it stopped using (research §0.1).
 *
 * <p>Each fd is checked against the walk that read the chain: the same device and inode, and the
 * same header read through the opened file. A layer replaced or rewritten between the walk and
 * the open is refused rather than handed to QEMU.
 */
final class LayerFds {

    private LayerFds() {
    }

    /** The layer's fd in its access mode; nothing stays open when this throws. */
    static OwnedFd open(LayerAccess access, String disk) throws IOException {
        return openChecked(access.layer(),
                access.mode() == AccessMode.READ_WRITE ? OpenMode.READ_WRITE : OpenMode.READ_ONLY, disk);
    }

    private static OwnedFd openChecked(ChainLayer layer, OpenMode mode, String disk) throws IOException {
        OwnedFd fd;
        try {
            // never blocks: a FIFO swapped in after the walk is refused, not waited on
            fd = OwnedFd.openImage(layer.path(), mode);
        } catch (IOException e) {
            throw new IOException("disk '" + disk + "': " + e.getMessage(), e);
        }
        try {
            // The fd's own /proc entry leads to the opened file, whatever happened to the path since.
            Path opened = Path.of("/proc/self/fd/" + fd.fd());
            if (!FileIdentity.of(opened).equals(layer.identity())) {
                throw changed(layer, disk, "it is now a different file (device/inode changed)");
            }
            try (FileChannel channel = FileChannel.open(opened, StandardOpenOption.READ)) {
                if (!ImageHeaders.read(layer.path(), channel, layer.format()).equals(layer.header())) {
                    throw changed(layer, disk, "its header changed");
                }
            } catch (StorageException e) {
                throw changed(layer, disk, "its header no longer reads: " + e.getMessage());
            }
            return fd;
        } catch (IOException | RuntimeException e) {
            fd.close();
            throw e;
        }
    }

    private static IOException changed(ChainLayer layer, String disk, String what) {
        return new IOException("disk '" + disk + "': " + layer.path()
                + " changed after its backing chain was read (" + what + "); start the domain again");
    }
}
