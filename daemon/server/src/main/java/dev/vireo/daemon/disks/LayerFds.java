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
import java.util.ArrayList;
import java.util.List;

/**
 * The descriptors of one chain layer, opened by the daemon with its own rights: one O_RDONLY fd,
 * plus an O_RDWR fd when the layer is writable (QEMU opens an image read-only first, then
 * reopens it read-write, and takes each from the fd set by access mode).
 *
 * <p>Each fd is checked against the walk that read the chain: the same device and inode, and the
 * same header read through the opened file. A layer replaced or rewritten between the walk and
 * the open is refused rather than handed to QEMU.
 */
final class LayerFds {

    private LayerFds() {
    }

    /** The layer's fds, read-only first; nothing stays open when this throws. */
    static List<OwnedFd> open(LayerAccess access, String disk) throws IOException {
        List<OwnedFd> fds = new ArrayList<>(2);
        try {
            fds.add(openChecked(access.layer(), OpenMode.READ_ONLY, disk));
            if (access.mode() == AccessMode.READ_WRITE) {
                fds.add(openChecked(access.layer(), OpenMode.READ_WRITE, disk));
            }
            return List.copyOf(fds);
        } catch (IOException | RuntimeException e) {
            fds.forEach(OwnedFd::close);
            throw e;
        }
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
