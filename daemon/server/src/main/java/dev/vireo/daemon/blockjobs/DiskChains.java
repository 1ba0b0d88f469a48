package dev.vireo.daemon.blockjobs;

import dev.vireo.conf.model.Disk;
import dev.vireo.conf.model.DiskBackingStore;
import dev.vireo.conf.model.DiskSource;
import dev.vireo.conf.model.Domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A disk's chain as the domain XML writes it: the top's {@code <source>} and the nested
 * {@code <backingStore>} elements, found by image index, so that a finished job can cut layers out
 * ({@link #cutBelow}) or make a lower layer the top ({@link #promote}) while every image keeps its
 * index.
 */
final class DiskChains {

    private DiskChains() {
    }

    static Optional<Disk> disk(Domain d, String target) {
        if (d == null || d.getDevices() == null) return Optional.empty();
        return d.getDevices().getDisks().stream()
                .filter(k -> k.getTarget() != null && target.equals(k.getTarget().getDev())).findFirst();
    }

    /** The paths of the disk's local images, top first, as the element says (empty without a source). */
    static List<String> paths(Disk disk) {
        List<String> paths = new ArrayList<>();
        String top = path(disk.getSource());
        if (top == null) return paths;
        paths.add(top);
        for (DiskBackingStore s = disk.getBackingStore(); s != null && path(s.getSource()) != null; s = s.getBackingStore()) {
            paths.add(path(s.getSource()));
        }
        return paths;
    }

    /** Whether the element lists any backing layer (or closes the chain) rather than leaving it to be read at start. */
    static boolean describesChain(Disk disk) {
        return disk.getBackingStore() != null;
    }

    /**
     * The {@code <backingStore>} element of the image with this index below the top, if present.
     */
    static Optional<DiskBackingStore> layer(Disk disk, int index) {
        for (DiskBackingStore s = disk.getBackingStore(); s != null && s.getSource() != null; s = s.getBackingStore()) {
            if (s.getIndex() != null && s.getIndex() == index) return Optional.of(s);
        }
        return Optional.empty();
    }

    /** The element of the layer with this path below the top (for a stored definition without indexes). */
    static Optional<DiskBackingStore> layerByPath(Disk disk, String path) {
        for (DiskBackingStore s = disk.getBackingStore(); s != null && s.getSource() != null; s = s.getBackingStore()) {
            if (Objects.equals(path(s.getSource()), path)) return Optional.of(s);
        }
        return Optional.empty();
    }

    /**
     * Makes {@code newBacking} the backing of the image whose element is {@code above} (the disk's
     * own source when {@code above} is null): the layers in between leave the chain. A null
     * {@code newBacking} closes the chain ({@code <backingStore/>}).
     */
    static void cutBelow(Disk disk, DiskBackingStore above, DiskBackingStore newBacking) {
        DiskBackingStore below = newBacking == null ? new DiskBackingStore() : newBacking;
        if (above == null) disk.setBackingStore(below);
        else above.setBackingStore(below);
    }

    /**
     * Makes the layer {@code base} the disk's top image: its source (with its index) becomes the
     * disk's source, its format the driver's type, and what was below it stays below.
     */
    static void promote(Disk disk, DiskBackingStore base) {
        disk.setType(base.getType());
        disk.setSource(base.getSource());
        if (disk.getDriver() != null && base.getFormat() != null) disk.getDriver().setType(base.getFormat().getType());
        disk.setBackingStore(base.getBackingStore() == null ? new DiskBackingStore() : base.getBackingStore());
    }

    static String path(DiskSource s) {
        if (s == null) return null;
        return s.getFile() != null ? s.getFile() : s.getDev();
    }
}
