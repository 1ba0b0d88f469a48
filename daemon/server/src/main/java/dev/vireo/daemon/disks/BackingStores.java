package dev.vireo.daemon.disks;

import dev.vireo.conf.model.BackingFormat;
import dev.vireo.conf.model.Disk;
import dev.vireo.conf.model.DiskBackingStore;
import dev.vireo.conf.model.DiskSource;
import dev.vireo.conf.model.DiskType;
import dev.vireo.storage.BackingChain;
import dev.vireo.storage.ChainLayer;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

/**
 * A walked chain as the live XML's nested {@code <backingStore>} elements, below the disk's own
 * {@code <source>}: each layer's type, format and path (as resolved from its overlay's backing
 * name); their numbers ({@code index}) are given afterwards for the whole domain
 * ({@link dev.vireo.command.storage.ImageIndexes}). A chain that
 * ends on a local image closes with an empty {@code <backingStore/>} (nothing further); one that
 * ends on a network image leaves the last element open, since that image was not read.
 */
final class BackingStores {

    private BackingStores() {
    }

    /**
     * The element for the layers below the top: an empty one when the top has no backing name,
     * null when the top names a network image (which was not read).
     */
    static DiskBackingStore of(BackingChain chain) {
        DiskBackingStore end = chain.networkBacking().isPresent() ? null : new DiskBackingStore();
        DiskBackingStore below = end;
        for (int i = chain.layers().size() - 1; i >= 1; i--) {
            below = element(chain.layers().get(i), below);
        }
        return below;
    }

    /** The image numbers of a disk's local images, top first, as its live definition holds them. */
    static List<Integer> indexes(Disk disk) {
        List<Integer> indexes = new ArrayList<>();
        indexes.add(disk.getSource().getIndex());
        for (DiskBackingStore s = disk.getBackingStore(); s != null && s.getSource() != null; s = s.getBackingStore()) {
            indexes.add(s.getIndex());
        }
        return indexes;
    }

    private static DiskBackingStore element(ChainLayer layer, DiskBackingStore below) {
        boolean block = !Files.isRegularFile(layer.path());
        DiskBackingStore store = new DiskBackingStore();
        store.setType(block ? DiskType.BLOCK : DiskType.FILE);
        BackingFormat format = new BackingFormat();
        format.setType(layer.format().qemuName());
        store.setFormat(format);
        DiskSource source = new DiskSource();
        if (block) {
            source.setDev(layer.path().toString());
        } else {
            source.setFile(layer.path().toString());
        }
        store.setSource(source);
        store.setBackingStore(below);
        return store;
    }
}
