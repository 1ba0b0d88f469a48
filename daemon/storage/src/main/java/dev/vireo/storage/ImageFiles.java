package dev.vireo.storage;

import dev.vireo.process.FileKind;
import dev.vireo.process.NotAnImageFileException;
import dev.vireo.process.OpenMode;
import dev.vireo.process.OwnedFd;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * Opens image files for reading their headers so that no open can block: an image must be a
 * regular file or a block device. A FIFO would block open(2) until some writer appears (for ever,
 * holding the caller), a character device or a socket is no image, and a directory has no bytes.
 *
 * <p>The kind is checked twice: by stat before opening (the clear refusal), and on the opened
 * descriptor, which was opened with O_NONBLOCK so that a FIFO swapped in between the two cannot
 * hold the open either.
 */
final class ImageFiles {

    private ImageFiles() {
    }

    /** What {@code path} is when it cannot be an image, for a message; empty when it can. */
    static Optional<FileKind> unusableKind(Path path) throws IOException {
        FileKind kind = FileKind.of(path);
        return kind.canHoldAnImage() ? Optional.empty() : Optional.of(kind);
    }

    /** The reason an image of this kind is refused, after "PATH is". */
    static String refusal(FileKind kind) {
        return kind.description() + ", not a regular file or block device"
                + (kind == FileKind.FIFO ? " (opening it would wait for a writer)" : "");
    }

    /**
     * Opens {@code path} read-only for its header.
     *
     * @throws UnsupportedImageException the path is not a regular file or block device
     * @throws MissingImageException     the path does not exist or cannot be opened
     */
    static FileChannel openForReading(Path path) throws StorageException {
        try {
            var unusable = unusableKind(path);
            if (unusable.isPresent()) {
                throw new UnsupportedImageException(path, "image '" + path + "' is " + refusal(unusable.get()));
            }
            try (OwnedFd fd = OwnedFd.openImage(path, OpenMode.READ_ONLY)) {
                // A new open of the fd's /proc entry reaches the same, now known regular file or
                // block device, and gives a channel (the JDK cannot wrap a raw descriptor).
                return FileChannel.open(fd.procPath(), StandardOpenOption.READ);
            }
        } catch (NotAnImageFileException e) {
            throw new UnsupportedImageException(path, "image '" + path + "' is " + refusal(e.kind()));
        } catch (NoSuchFileException e) {
            throw new MissingImageException(path, path + ": no such image file", e);
        } catch (IOException e) {
            throw new MissingImageException(path, path + ": cannot read the image: " + e.getMessage(), e);
        }
    }
}
