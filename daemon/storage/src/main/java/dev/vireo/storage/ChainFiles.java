package dev.vireo.storage;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.OpenOption;
import java.util.Set;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The files of a chain, opened with the access {@link BackingChain#accessPlan} gives them. Each
 * opened file is checked against the walk: same device and inode, and its header, read again
 * through the opened channel, equal to the one the walk validated. A file replaced between the
 * walk and the open is refused instead of being passed on. Closing closes every channel.
 */
public final class ChainFiles implements AutoCloseable {

    /** One opened layer. */
    public record Opened(LayerAccess access, FileChannel channel) {
    }

    private final List<Opened> opened;

    private ChainFiles(List<Opened> opened) {
        this.opened = List.copyOf(opened);
    }

    public static ChainFiles open(List<LayerAccess> plan) throws StorageException {
        List<Opened> opened = new ArrayList<>(plan.size());
        try {
            for (LayerAccess access : plan) {
                opened.add(new Opened(access, openChecked(access)));
            }
            return new ChainFiles(opened);
        } catch (StorageException | RuntimeException e) {
            closeAll(opened, e);
            throw e;
        }
    }

    public List<Opened> files() {
        return opened;
    }

    @Override
    public void close() throws IOException {
        IOException first = closeAll(opened, null);
        if (first != null) {
            throw first;
        }
    }

    private static FileChannel openChecked(LayerAccess access) throws StorageException {
        ChainLayer layer = access.layer();
        FileChannel channel;
        try {
            channel = FileChannel.open(layer.path(), options(access.mode()));
        } catch (IOException e) {
            throw new MissingImageException(layer.path(), layer.path() + ": cannot open for "
                    + (access.mode() == AccessMode.READ_WRITE ? "reading and writing" : "reading") + ": " + e, e);
        }
        try {
            if (!FileIdentity.of(layer.path()).equals(layer.identity())) {
                throw changed(layer, "it is now a different file (device/inode changed)");
            }
            if (!ImageHeaders.read(layer.path(), channel, layer.format()).equals(layer.header())) {
                throw changed(layer, "its header changed");
            }
            return channel;
        } catch (IOException e) {
            closeQuietly(channel);
            throw new MissingImageException(layer.path(), layer.path() + ": cannot re-check after opening: " + e, e);
        } catch (StorageException | RuntimeException e) {
            closeQuietly(channel);
            throw e;
        }
    }

    private static Set<OpenOption> options(AccessMode mode) {
        return mode == AccessMode.READ_WRITE
                ? Set.of(StandardOpenOption.READ, StandardOpenOption.WRITE)
                : Set.of(StandardOpenOption.READ);
    }

    private static UnsupportedImageException changed(ChainLayer layer, String what) {
        return new UnsupportedImageException(layer.path(), layer.path() + ": changed since the backing chain was read ("
                + what + "); read the chain again");
    }

    private static IOException closeAll(List<Opened> opened, Exception primary) {
        IOException first = null;
        for (Opened file : opened) {
            try {
                file.channel().close();
            } catch (IOException e) {
                if (primary != null) {
                    primary.addSuppressed(e);
                } else if (first == null) {
                    first = e;
                }
            }
        }
        return first;
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // the refusal being thrown is what the caller needs to see
        }
    }
}
