package dev.vireo.daemon.disks;

import dev.vireo.command.storage.FdSetNote;
import dev.vireo.command.storage.DiskStorage;
import dev.vireo.command.storage.ImageNode;
import dev.vireo.command.storage.StoragePlan;
import java.util.HashMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Which fd set of a running guest holds which image, in which access modes, and which block nodes
 * open it. The sets come from QEMU itself ({@code query-fdsets}: the opaque note of each fd names
 * the image and its access, see {@link FdSetNote}), so the registry is the same after a start and
 * after a daemon restart and does not depend on set numbers QEMU picked; the nodes come from the
 * storage plan of the live definition (the image's {@code libvirt-N-format}/{@code -storage}). A
 * set whose image the plan no longer has is unused: its image left the graph, and the set is to
 * be removed ({@code remove-fd}) by whoever deleted the nodes.
 */
public final class FdSetRegistry {

    /**
     * One set.
     *
     * @param fdsetId    QEMU's number for it
     * @param imageIndex the image it holds (the live XML's {@code index})
     * @param readOnly   whether it holds an O_RDONLY fd
     * @param readWrite  whether it holds an O_RDWR fd
     * @param nodes      the block nodes that open it, by name (none: the image left the graph)
     */
    public record Held(int fdsetId, int imageIndex, boolean readOnly, boolean readWrite, List<String> nodes) {
        public Held {
            nodes = List.copyOf(nodes);
        }
    }

    private final Map<Integer, Held> sets;
    private final List<Integer> foreign;

    private FdSetRegistry(Map<Integer, Held> sets, List<Integer> foreign) {
        this.sets = sets;
        this.foreign = foreign;
    }

    /**
     * @param fdsets what {@code query-fdsets} returns
     * @param plan   the storage plan of the guest's live definition
     */
    public static FdSetRegistry of(List<dev.vireo.monitor.FdSet> fdsets, StoragePlan plan) {
        Map<Integer, List<String>> nodesOfImage = new HashMap<>();
        for (DiskStorage disk : plan.disks()) {
            for (ImageNode image : disk.images()) {
                nodesOfImage.put(image.index(), List.of(image.formatNodeName(), image.storageNodeName()));
            }
        }
        Map<Integer, Held> sets = new TreeMap<>();
        List<Integer> foreign = new ArrayList<>();
        for (dev.vireo.monitor.FdSet set : fdsets) {
            int id = set.fdsetId();
            Integer image = null;
            boolean ro = false;
            boolean rw = false;
            boolean ours = true;
            for (dev.vireo.monitor.FdSet.Fd fd : set.fds()) {
                Optional<FdSetNote> note = FdSetNote.parse(fd.opaque());
                if (note.isEmpty() || (image != null && image != note.get().imageIndex())) {
                    ours = false;
                    break;
                }
                image = note.get().imageIndex();
                ro |= !note.get().writable();
                rw |= note.get().writable();
            }
            if (!ours || image == null) {
                foreign.add(id);
                continue;
            }
            sets.put(id, new Held(id, image, ro, rw, nodesOfImage.getOrDefault(image, List.of())));
        }
        return new FdSetRegistry(sets, List.copyOf(foreign));
    }

    /** Every set Vireo passed, by number. */
    public Map<Integer, Held> sets() {
        return Map.copyOf(sets);
    }

    /** The set holding this image, if one does. */
    public Optional<Held> forImage(int imageIndex) {
        return sets.values().stream().filter(h -> h.imageIndex() == imageIndex).findFirst();
    }

    /** Sets whose image no block node uses any more: to be removed. */
    public List<Held> unused() {
        return sets.values().stream().filter(h -> h.nodes().isEmpty()).toList();
    }

    /** Sets whose fds carry no note of Vireo's (added by hand over the monitor): left alone. */
    public List<Integer> foreign() {
        return foreign;
    }

    /** e.g. {@code set 1: image 1 rw (libvirt-1-format, libvirt-1-storage); set 3: image 3 ro (...)}. */
    @Override
    public String toString() {
        List<String> parts = new ArrayList<>();
        for (Held h : sets.values()) {
            String modes = (h.readOnly() ? "ro" : "") + (h.readOnly() && h.readWrite() ? "+" : "") + (h.readWrite() ? "rw" : "");
            parts.add("set " + h.fdsetId() + ": image " + h.imageIndex() + " " + modes + " ("
                    + (h.nodes().isEmpty() ? "no node" : String.join(", ", h.nodes())) + ")");
        }
        return parts.isEmpty() ? "no fd sets" : String.join("; ", parts);
    }
}
