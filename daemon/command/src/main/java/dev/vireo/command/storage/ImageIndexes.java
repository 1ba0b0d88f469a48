package dev.vireo.command.storage;

import dev.vireo.conf.model.Devices;
import dev.vireo.conf.model.Disk;
import dev.vireo.conf.model.DiskBackingStore;
import dev.vireo.conf.model.DiskDevice;
import dev.vireo.conf.model.DiskMirror;
import dev.vireo.conf.model.DiskSource;
import dev.vireo.conf.model.DiskTray;
import dev.vireo.conf.model.DiskType;
import dev.vireo.conf.model.Domain;
import java.util.ArrayList;
import java.util.List;

/**
 * The per-domain image numbers ({@code <source index>}, {@code <backingStore index>}, the N of
 * {@code vda[N]}). An image keeps the number it has; one without gets the next of a counter
 * that starts above every number in use, walking the disks in document order, each top image
 * before its backing images. Numbers are never reused for another image while the domain runs,
 * so a job or event naming {@code vda[3]} means the same image after the chain changed.
 */
public final class ImageIndexes {

    private ImageIndexes() {
    }

    /** A disk's local images as the definition writes them, top first (the top's element is its {@code <source>}). */
    record Slot(DiskSource source, DiskBackingStore store) {
        Integer index() {
            return store == null ? source.getIndex() : store.getIndex();
        }

        void set(int index) {
            if (store == null) {
                source.setIndex(index);
            } else {
                store.setIndex(index);
            }
        }
    }

    /** Gives every image of {@code domain} without a number its number; the domain is changed in place. */
    public static void assign(Domain domain) {
        List<List<Integer>> numbers = of(domain);
        List<Disk> disks = disks(domain);
        for (int d = 0; d < disks.size(); d++) {
            List<Slot> slots = slots(disks.get(d));
            for (int i = 0; i < slots.size(); i++) {
                slots.get(i).set(numbers.get(d).get(i));
            }
        }
    }

    /**
     * The numbers {@link #assign} would give, without changing {@code domain}: one list per disk
     * of the definition, in document order, one number per local image, top first.
     */
    static List<List<Integer>> of(Domain domain) {
        List<List<Slot>> disks = new ArrayList<>();
        int next = firstAboveMirrors(domain);
        for (Disk disk : disks(domain)) {
            List<Slot> slots = slots(disk);
            disks.add(slots);
            for (Slot s : slots) {
                if (s.index() != null) {
                    next = Math.max(next, s.index() + 1);
                }
            }
        }
        List<List<Integer>> numbers = new ArrayList<>();
        for (List<Slot> slots : disks) {
            List<Integer> n = new ArrayList<>(slots.size());
            for (Slot s : slots) {
                n.add(s.index() != null ? s.index() : next++);
            }
            numbers.add(n);
        }
        return numbers;
    }

    /**
     * The number a new image of a running domain gets (a copy's target, a snapshot overlay): one
     * above every number in use, a running copy's target included.
     */
    public static int next(Domain domain) {
        int next = firstAboveMirrors(domain);
        for (List<Integer> disk : of(domain)) {
            for (int n : disk) {
                next = Math.max(next, n + 1);
            }
        }
        return next;
    }

    /** One above the numbers of the images running copies write to ({@code <mirror><source index>}), at least 1. */
    private static int firstAboveMirrors(Domain domain) {
        int next = 1;
        for (Disk disk : disks(domain)) {
            DiskMirror mirror = disk.getMirror();
            if (mirror != null && mirror.getSource() != null && mirror.getSource().getIndex() != null) {
                next = Math.max(next, mirror.getSource().getIndex() + 1);
            }
        }
        return next;
    }

    static List<Disk> disks(Domain domain) {
        Devices devices = domain.getDevices();
        return devices == null ? List.of() : devices.getDisks();
    }

    /** The local images of a disk: none for network and folder disks, or a drive without a medium. */
    static List<Slot> slots(Disk disk) {
        List<Slot> slots = new ArrayList<>();
        if (localPath(disk.getType(), disk.getSource()) == null || trayOpen(disk)) {
            return slots;
        }
        slots.add(new Slot(disk.getSource(), null));
        for (DiskBackingStore s = disk.getBackingStore(); s != null && localPath(s.getType(), s.getSource()) != null;
                s = s.getBackingStore()) {
            slots.add(new Slot(s.getSource(), s));
        }
        return slots;
    }

    static String localPath(DiskType type, DiskSource source) {
        if (source == null) {
            return null;
        }
        return switch (type == null ? DiskType.FILE : type) {
            case FILE -> source.getFile();
            case BLOCK -> source.getDev();
            default -> null;
        };
    }

    static boolean trayOpen(Disk disk) {
        boolean removable = disk.getDevice() == DiskDevice.CDROM || disk.getDevice() == DiskDevice.FLOPPY;
        return removable && disk.getTarget() != null && disk.getTarget().getTray() == DiskTray.OPEN;
    }
}
