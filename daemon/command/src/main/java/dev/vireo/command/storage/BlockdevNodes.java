package dev.vireo.command.storage;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The block nodes of a disk plan as QEMU's {@code BlockdevOptions}: the argument of
 * {@code -blockdev} (as JSON, see {@link JsonText}) and of QMP {@code blockdev-add} alike, so a
 * node added while the guest runs looks exactly like one given at start.
 *
 * <p>Per image, the storage node ({@code file} or {@code host_device}) opens the path or the fd
 * set; the format node reads the image and names the next image's format node as its
 * {@code backing}, the last one {@code null}. For an fd-passed image the storage node says
 * {@code read-only} outright (no {@code auto-read-only}, which would make QEMU want a read-only
 * fd first and then switch) and {@code locking: off}: a switch between fds, or a reopen, leaves
 * the set's original fd holding QEMU's OFD lock bytes, and the next permission change of a block
 * job then fails on its own stale lock (research §0.1). The daemon provides what locking would:
 * it opens every writable image for exactly one guest. An image QEMU opens by path keeps
 * libvirt's {@code auto-read-only} and QEMU's locking, since QEMU owns those fds.
 */
public final class BlockdevNodes {

    private BlockdevNodes() {
    }

    /** Every node of the disk in the order QEMU needs them: bottom image first, storage before format. */
    public static List<Map<String, Object>> all(DiskStorage disk) {
        List<Map<String, Object>> nodes = new ArrayList<>(2 * disk.images().size() + 1);
        for (int i = disk.images().size() - 1; i >= 0; i--) {
            ImageNode image = disk.images().get(i);
            nodes.add(storage(image, disk));
            nodes.add(format(image, disk, backingOf(disk, i)));
        }
        if (disk.copyOnRead() && !disk.empty()) {
            Map<String, Object> filter = new LinkedHashMap<>();
            filter.put("driver", "copy-on-read");
            filter.put("node-name", disk.frontNode().orElseThrow());
            filter.put("file", disk.images().getFirst().formatNodeName());
            nodes.add(filter);
        }
        return nodes;
    }

    /**
     * The storage and format node of one image added at run time (a snapshot overlay, a mirror
     * target): {@code backing} names an existing format node, or is null for an image whose
     * backing QEMU attaches itself ({@code blockdev-snapshot}) or that has none.
     */
    public static List<Map<String, Object>> forAdd(ImageNode image, DiskStorage disk, String backingNode) {
        Object backing = image.formatHasBacking() ? (backingNode == null ? NONE : backingNode) : ABSENT;
        return List.of(storage(image, disk), format(image, disk, backing));
    }

    /** A JSON null: the image has no backing. */
    private static final Object NONE = new Object();
    /** No {@code backing} key at all. */
    private static final Object ABSENT = new Object();

    private static Object backingOf(DiskStorage disk, int position) {
        ImageNode image = disk.images().get(position);
        if (position + 1 < disk.images().size()) {
            return disk.images().get(position + 1).formatNodeName();
        }
        if (!image.formatHasBacking() || !disk.closed()) {
            return ABSENT;
        }
        return NONE;
    }

    static Map<String, Object> storage(ImageNode image, DiskStorage disk) {
        Map<String, Object> node = new LinkedHashMap<>();
        node.put("driver", image.hostDevice() ? "host_device" : "file");
        node.put("filename", image.opened());
        if (disk.aio() != null) {
            node.put("aio", disk.aio());
        }
        node.put("node-name", image.storageNodeName());
        cache(disk, node);
        if (image.fdSet() != null) {
            node.put("read-only", image.readOnly());
            node.put("locking", "off");
        } else {
            node.put("auto-read-only", true);
        }
        node.put("discard", "unmap");
        return node;
    }

    private static Map<String, Object> format(ImageNode image, DiskStorage disk, Object backing) {
        Map<String, Object> node = new LinkedHashMap<>();
        node.put("node-name", image.formatNodeName());
        node.put("read-only", image.readOnly());
        // The guest's discard and zero detection act on the image it writes: the top one.
        if (!disk.images().isEmpty() && disk.images().getFirst().index() == image.index()) {
            if (disk.discard() != null) {
                node.put("discard", disk.discard());
            }
            if (disk.detectZeroes() != null) {
                node.put("detect-zeroes", disk.detectZeroes());
            }
        }
        cache(disk, node);
        node.put("driver", image.format());
        node.put("file", image.storageNodeName());
        if (backing == NONE) {
            node.put("backing", null);
        } else if (backing != ABSENT) {
            node.put("backing", backing);
        }
        return node;
    }

    private static void cache(DiskStorage disk, Map<String, Object> node) {
        if (disk.cache() == null) {
            return;
        }
        Map<String, Object> cache = new LinkedHashMap<>();
        cache.put("direct", disk.cache().direct());
        cache.put("no-flush", disk.cache().noFlush());
        node.put("cache", cache);
    }
}
