package dev.vireo.daemon.disks;

import dev.vireo.command.storage.FdSet;
import dev.vireo.command.storage.FdSetNote;
import dev.vireo.monitor.BlockNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Which fd set of a running guest holds which image, in which access modes, and which block nodes
 * opened it. Read from QEMU itself ({@code query-fdsets}: the opaque note of each fd names the
 * image and its access, see {@link FdSetNote}; {@code query-named-block-nodes}: the nodes whose
 * file is {@code /dev/fdset/N}), so it is the same after a start and after a daemon restart, and
 * does not depend on set numbers QEMU picked. A set no node uses any more is to be removed
 * ({@code remove-fd}): its image left the graph.
 */
public final class FdSetRegistry {

    /**
     * One set.
     *
     * @param fdsetId    QEMU's number for it
     * @param imageIndex the image it holds (the live XML's {@code index})
     * @param readOnly   whether it holds an O_RDONLY fd
     * @param readWrite  whether it holds an O_RDWR fd
     * @param nodes      the block nodes that opened it, by name
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
     * @param nodes  what {@code query-named-block-nodes} returns
     */
    public static FdSetRegistry of(List<dev.vireo.monitor.FdSet> fdsets, List<BlockNode> nodes) {
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
            List<String> users = new ArrayList<>();
            for (BlockNode node : nodes) {
                if (FdSet.path(id).equals(node.file()) && node.nodeName() != null) {
                    users.add(node.nodeName());
                }
            }
            sets.put(id, new Held(id, image, ro, rw, users));
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

    /** The registry without {@code fdsetId} (after its {@code remove-fd}). */
    public FdSetRegistry without(int fdsetId) {
        Map<Integer, Held> rest = new TreeMap<>(sets);
        rest.remove(fdsetId);
        return new FdSetRegistry(rest, foreign);
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
