package dev.vireo.command.storage;

import dev.vireo.conf.model.Disk;
import dev.vireo.conf.model.DiskBackingStore;
import dev.vireo.conf.model.DiskCache;
import dev.vireo.conf.model.DiskDevice;
import dev.vireo.conf.model.DiskDriver;
import dev.vireo.conf.model.DiskType;
import dev.vireo.conf.model.Domain;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The storage plan of a domain: for every disk with local images, its chain as named block nodes
 * with their image numbers, access modes and fd sets. Built from the definition alone: the chain
 * is the one its {@code <backingStore>} elements describe (the daemon fills them from its own
 * chain walk before a start), and the fd sets are the ones the daemon opened, by image number.
 * The command builder renders it; nothing changes the command line afterwards.
 */
public final class StoragePlan {

    private final Map<String, DiskStorage> disks;

    private StoragePlan(Map<String, DiskStorage> disks) {
        this.disks = disks;
    }

    /**
     * @param fdSets the fd set of each image the daemon opened, by image number; empty when QEMU
     *               opens the paths (domxml-to-native, {@code pass_disk_fds = 0})
     * @throws IllegalArgumentException when an fd set names an image the plan does not have (the
     *                                  daemon and the definition disagree)
     */
    public static StoragePlan of(Domain domain, Map<Integer, FdSet> fdSets) {
        List<List<Integer>> numbers = ImageIndexes.of(domain);
        List<Disk> all = ImageIndexes.disks(domain);
        Map<String, DiskStorage> disks = new LinkedHashMap<>();
        Map<Integer, FdSet> unused = new HashMap<>(fdSets);
        for (int d = 0; d < all.size(); d++) {
            Disk disk = all.get(d);
            String dev = disk.getTarget() == null ? null : disk.getTarget().getDev();
            DiskType type = disk.getType() == null ? DiskType.FILE : disk.getType();
            if (dev == null || type == DiskType.NETWORK || type == DiskType.DIR) {
                continue;
            }
            List<ImageNode> images = new ArrayList<>();
            List<ImageIndexes.Slot> slots = ImageIndexes.slots(disk);
            for (int i = 0; i < slots.size(); i++) {
                int index = numbers.get(d).get(i);
                images.add(image(disk, slots.get(i), i, index, unused.remove(index)));
            }
            disks.put(dev, new DiskStorage(dev, images, closed(disk, slots), cache(disk), aio(disk),
                    Boolean.TRUE.equals(driver(disk).getCopyOnRead()),
                    driver(disk).getDiscard() == null ? null : driver(disk).getDiscard().xml(),
                    driver(disk).getDetectZeroes() == null ? null : driver(disk).getDetectZeroes().xml()));
        }
        if (!unused.isEmpty()) {
            throw new IllegalArgumentException("fd sets for images " + unused.keySet()
                    + " that no disk of the definition has");
        }
        return new StoragePlan(disks);
    }

    /** The plan of the disk with this target, or empty for a network or folder disk. */
    public Optional<DiskStorage> disk(String dev) {
        return Optional.ofNullable(disks.get(dev));
    }

    /** Every disk's plan, in document order. */
    public List<DiskStorage> disks() {
        return List.copyOf(disks.values());
    }

    /** The fd sets of all images, in the order of {@link #disks()}, top image first. */
    public List<FdSet> fdSets() {
        List<FdSet> sets = new ArrayList<>();
        for (DiskStorage disk : disks.values()) {
            for (ImageNode image : disk.images()) {
                if (image.fdSet() != null) {
                    sets.add(image.fdSet());
                }
            }
        }
        return sets;
    }

    private static ImageNode image(Disk disk, ImageIndexes.Slot slot, int depth, int index, FdSet fdSet) {
        if (depth == 0) {
            String declared = driver(disk).getType();
            boolean readOnly = disk.isReadonly() || disk.getDevice() == DiskDevice.CDROM;
            return new ImageNode(index, ImageIndexes.localPath(disk.getType(), disk.getSource()),
                    disk.getType() == DiskType.BLOCK, declared == null ? "raw" : declared, readOnly, fdSet);
        }
        DiskBackingStore store = slot.store();
        // the schema requires <format> in a <backingStore> that has a <source>
        return new ImageNode(index, ImageIndexes.localPath(store.getType(), store.getSource()),
                store.getType() == DiskType.BLOCK, store.getFormat().getType(), true, fdSet);
    }

    /**
     * Whether the definition says the chain ends after its last local image: a closing empty
     * {@code <backingStore/>}. A disk without any {@code <backingStore>} leaves it unknown.
     */
    private static boolean closed(Disk disk, List<ImageIndexes.Slot> slots) {
        if (slots.isEmpty()) {
            return false;
        }
        DiskBackingStore last = slots.size() == 1 ? disk.getBackingStore() : slots.getLast().store().getBackingStore();
        return last != null && last.getSource() == null;
    }

    private static DiskDriver driver(Disk disk) {
        return disk.getDriver() == null ? new DiskDriver() : disk.getDriver();
    }

    private static NodeCache cache(Disk disk) {
        DiskCache cache = driver(disk).getCache();
        return cache == null ? null : NodeCache.of(cache.xml());
    }

    private static String aio(Disk disk) {
        return driver(disk).getIo() == null ? null : driver(disk).getIo().xml();
    }
}
